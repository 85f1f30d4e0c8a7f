import { afterAll } from "vitest";
import { removeTempDirs } from "./bot.js";

afterAll(removeTempDirs);
