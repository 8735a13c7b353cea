// Loaded into the Electronegativity process by scripts/electronegativity.js (`--import`).
// The tool's CSV writer (src/util/file.js, writeIssues) starts writing the header and
// appending the rows to the same file without waiting for either, so the rows can land
// first and then be truncated or overwritten by the header: seen here in 2 of 6 parallel
// runs, which lost the start of the first finding. This makes fs.writeFile calls on one
// path run one after another, in the order they were made.
import fs from 'node:fs';

const writeFile = fs.writeFile;
const queues = new Map();

fs.writeFile = function serialWriteFile(path, data, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const key = String(path);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(
    () =>
      new Promise((resolve) => {
        writeFile.call(fs, path, data, options ?? {}, (error) => {
          resolve();
          callback(error);
        });
      }),
  );
  queues.set(key, next);
};
