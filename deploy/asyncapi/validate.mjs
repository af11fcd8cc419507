// Validates an AsyncAPI document (with its relative $refs to the contract's JSON Schemas) and fails on any error.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';

const file = resolve(process.argv[2] ?? '../../docs/asyncapi.yaml');
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const level = ['error', 'warning', 'info', 'hint'][d.severity] ?? d.severity;
  console.log(`${level}: ${d.message} at ${d.path.join('/')}`);
}
if (!document || errors.length > 0) {
  console.error(`AsyncAPI validation failed for ${file}: ${errors.length} error(s)`);
  process.exit(1);
}
const channels = document.channels().all().map((c) => c.address());
console.log(`AsyncAPI ${document.version()} document valid: ${channels.length} channels (${channels.join(', ')})`);
await readFile(file); // the file exists and is readable
