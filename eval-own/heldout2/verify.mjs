// Checks heldout2 against its design (see ../tools/verify-set.mjs).
import path from 'node:path';
import { verifySet } from '../tools/verify-set.mjs';
verifySet(path.dirname(new URL(import.meta.url).pathname), { idPrefix: 'h2-', briefs: 6, words: [450, 600], questions: [40, 28, 12] });
