// Property tests without a seed of their own draw one at random, as fast-check does, but from here: FC_SEED=<n>
// replays a run. fast-check prints `{ seed: <n>, path: "…" }` with every counterexample; that seed is this one.
const fc = require('fast-check');
const given = process.env.FC_SEED;
const seed = given !== undefined && given !== '' ? Number(given) : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
if (!Number.isInteger(seed)) throw new Error(`FC_SEED doit être un entier (reçu « ${given} »)`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
