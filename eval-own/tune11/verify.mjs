// Checks tune11 against its design (see ../tools/verify-set.mjs; its .html briefs are checked on their visible text).
import path from 'node:path';
import { verifySet } from '../tools/verify-set.mjs';
verifySet(path.dirname(new URL(import.meta.url).pathname), { idPrefix: 'r', briefs: 6, words: [450, 650], questions: [40, 26, 14], gold: { total: [20, 30], perBrief: [2, 6] } });
