// Checks tune16 against its design (see ../tools/verify-set.mjs).
import path from 'node:path';
import { verifySet } from '../tools/verify-set.mjs';
verifySet(path.dirname(new URL(import.meta.url).pathname), { idPrefix: 'm', briefs: 8, words: [450, 650], questions: [40, 28, 12], gold: { total: [25, 32], perBrief: [2, 8] } });
