// Extracts one entry of a zip file with Node alone (for machines without `unzip`):
//   node unzip-entry.mjs <archive.zip> <entry name> <output file>
// Handles stored and deflated entries, and zip64 sizes and offsets (the layer's entries are big).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const [archivePath, entryName, outputPath] = process.argv.slice(2);
if (!archivePath || !entryName || !outputPath) {
  process.stderr.write('usage: node unzip-entry.mjs <archive.zip> <entry name> <output file>\n');
  process.exit(2);
}

const zip = readFileSync(archivePath);

function findEndOfCentralDirectory() {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 65_557); offset -= 1) {
    if (zip.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  throw new Error('not a zip file: no end of central directory');
}

function zip64Extra(extra, wanted) {
  // wanted: which of uncompressed size, compressed size, local header offset are 0xffffffff.
  for (let offset = 0; offset + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(offset);
    const size = extra.readUInt16LE(offset + 2);
    if (id === 0x0001) {
      let field = offset + 4;
      const values = {};
      for (const name of ['uncompressed', 'compressed', 'localOffset']) {
        if (wanted[name]) {
          values[name] = Number(extra.readBigUInt64LE(field));
          field += 8;
        }
      }
      return values;
    }
    offset += 4 + size;
  }
  return {};
}

const end = findEndOfCentralDirectory();
let entries = zip.readUInt16LE(end + 10);
let directoryOffset = zip.readUInt32LE(end + 16);
if (directoryOffset === 0xffffffff || entries === 0xffff) {
  const locator = end - 20;
  if (zip.readUInt32LE(locator) !== 0x07064b50) throw new Error('zip64 locator missing');
  const end64 = Number(zip.readBigUInt64LE(locator + 8));
  entries = Number(zip.readBigUInt64LE(end64 + 32));
  directoryOffset = Number(zip.readBigUInt64LE(end64 + 48));
}

let offset = directoryOffset;
for (let index = 0; index < entries; index += 1) {
  if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory entry');
  const method = zip.readUInt16LE(offset + 10);
  let compressed = zip.readUInt32LE(offset + 20);
  let uncompressed = zip.readUInt32LE(offset + 24);
  const nameLength = zip.readUInt16LE(offset + 28);
  const extraLength = zip.readUInt16LE(offset + 30);
  const commentLength = zip.readUInt16LE(offset + 32);
  let localOffset = zip.readUInt32LE(offset + 42);
  const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
  if (name === entryName) {
    const extra = zip.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
    const big = zip64Extra(extra, {
      uncompressed: uncompressed === 0xffffffff,
      compressed: compressed === 0xffffffff,
      localOffset: localOffset === 0xffffffff,
    });
    uncompressed = big.uncompressed ?? uncompressed;
    compressed = big.compressed ?? compressed;
    localOffset = big.localOffset ?? localOffset;
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const data = zip.subarray(start, start + compressed);
    let content;
    if (method === 0) content = data;
    else if (method === 8) content = inflateRawSync(data);
    else throw new Error(`unsupported compression method ${method}`);
    if (content.length !== uncompressed) throw new Error(`size mismatch for ${entryName}`);
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, content, { mode: 0o755 });
    process.exit(0);
  }
  offset += 46 + nameLength + extraLength + commentLength;
}
throw new Error(`${entryName} is not in ${archivePath}`);
