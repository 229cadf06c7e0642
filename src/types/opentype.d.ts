/** The little of opentype.js that the picture uses to measure text (the package ships no types). */
declare module "opentype.js" {
  export interface Font {
    unitsPerEm: number;
    charToGlyph(char: string): { advanceWidth?: number };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
