// Times chrono-node's `chrono.parse` on a corpus written by benches/corpus.py, the
// same way bench.py times the Python peers: paragraphs read first, up to MAX_MB, each
// parsed against its file's publication date, only the parse calls timed, stopping
// once they have taken BUDGET_S seconds. Prints one JSON line, with wall and CPU
// seconds.
//
//     node chrono.mjs CORPUS MAX_MB BUDGET_S
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(import.meta.dirname, ".env/node/"));
const chrono = require("chrono-node");

const [corpus, maxMb, budget] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const maxBytes = maxMb * 1e6;

const files = [];
let total = 0;
outer: for (const folder of readdirSync(corpus).sort()) {
  const dir = join(corpus, folder);
  if (!statSync(dir).isDirectory()) continue;
  const published = {};
  let name = null;
  for (let line of readFileSync(join(dir, "sources.yaml"), "utf8").split("\n")) {
    line = line.trim().replace(/^- /, "");
    if (line.startsWith("path:")) name = line.slice(5).trim();
    else if (line.startsWith("published:") && name) published[name] = new Date(line.slice(10).trim() + "T00:00:00Z");
  }
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const paragraphs = [];
    for (const para of readFileSync(join(dir, file), "utf8").split("\n\n")) {
      if (total >= maxBytes) break;
      if (para.trim()) {
        paragraphs.push(para);
        total += Buffer.byteLength(para) + 2;
      }
    }
    files.push([published[file] ?? new Date("2000-01-01T00:00:00Z"), paragraphs]);
    if (total >= maxBytes) break outer;
  }
}

// Warm up the JIT outside the timing, as the Python peers warm up their imports.
for (let i = 0; i < 200; i++) chrono.parse("On Monday, March 2, 1998, the talks lasted two days.", new Date());

let done = 0;
let seconds = 0;
let cpu = 0;
let items = 0;
run: for (const [ref, paragraphs] of files) {
  for (const para of paragraphs) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    items += chrono.parse(para, ref).length;
    const used = process.cpuUsage(startCpu);
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    cpu += (used.user + used.system) / 1e6;
    done += Buffer.byteLength(para) + 2;
    if (seconds > budget) break run;
  }
}
console.log(JSON.stringify({ tool: "chrono-node", task: "time expressions", bytes: done, seconds, cpu, items }));
