// Checks tune13 against its design (see ../tools/verify-set.mjs).
import path from 'node:path';
import { verifySet } from '../tools/verify-set.mjs';
verifySet(path.dirname(new URL(import.meta.url).pathname), { idPrefix: 't', briefs: 6, words: [450, 650], questions: [40, 28, 12], gold: { total: [25, 30], perBrief: [2, 8] } });
