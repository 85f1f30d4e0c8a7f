/** Worker-thread side of EmbedWorkers: loads the same model as the main thread and embeds the batches it is sent. */
import { parentPort } from "node:worker_threads";
import { describeError } from "../errors.js";
import { loadEmbedder } from "./load-embedder.js";

const port = parentPort!;
try {
  const embedder = await loadEmbedder();
  port.postMessage({ type: "ready", id: embedder.id });
  port.on("message", async ({ seq, texts }: { seq: number; texts: string[] }) => {
    try {
      const vectors = await embedder.embed(texts);
      port.postMessage({ type: "vectors", seq, vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
    } catch (error) {
      port.postMessage({ type: "error", seq, message: describeError(error) });
    }
  });
} catch (error) {
  port.postMessage({ type: "error", seq: -1, message: describeError(error) });
}
