/**
 * A PNG's tEXt chunks: the committed docs/compare.png carries the digest of what it was drawn from, so a
 * test can tell it is stale without redrawing it (which could differ by a pixel on another CPU).
 */
import { crc32 } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG with a tEXt chunk `keyword`=`text` inserted right after its header chunk (IHDR). */
export function withText(png: Buffer, keyword: string, text: string): Buffer {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  const data = Buffer.from(`${keyword}\0${text}`, "latin1");
  const type = Buffer.from("tEXt", "latin1");
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** Every tEXt chunk of a PNG, keyword -> text. */
export function readText(png: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "tEXt") {
      const [keyword = "", text = ""] = png.toString("latin1", at + 8, at + 8 + length).split("\0");
      out.set(keyword, text);
    }
    if (type === "IEND") break;
    at += 12 + length;
  }
  return out;
}
