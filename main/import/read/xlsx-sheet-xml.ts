import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * The pure XML half of the streamed .xlsx reader: a sheet part's XML (or a sharedStrings part's),
 * fed chunk by chunk, becomes rows of cells (or the list of strings). No I/O here — the caller
 * inflates the part and decodes the UTF-8; see stream-xlsx-rows.ts.
 *
 * Built on htmlparser2's Tokenizer (xmlMode, entities decoded) rather than its Parser: the Parser
 * slices every tag and attribute name into a string and keeps a stack of them, which on a
 * national-KWB sheet (4.4 million elements) costs as much again as tokenising. Here names are told
 * apart by their character codes in the chunk, a cell's r attribute is read digit by digit, and
 * the only string made per cell is its <v> text.
 *
 * Cell semantics are those of the ExcelJS streaming reader this replaces (its cells → GridCell):
 * - no t / t="n": a number — value = Number(<v>), text = String(value) (made by the sink);
 * - t="s": the shared string; t="inlineStr": the <is> text, runs concatenated; t="str": <v>;
 * - t="b": 'TRUE' / 'FALSE'; t="e": the error text ('#N/A'); t="d": the ISO date's first 10 chars;
 * - a formula cell: its cached <v>, read by its t like any other cell;
 * - a cell with neither a value nor text (no <v>, an empty string, an unknown shared string) is left out.
 * Where ExcelJS was plainly wrong this reader is not: a formula's boolean or error result (ExcelJS:
 * parseFloat → 1/0 or NaN), a formula without a cached value (ExcelJS: "[object Object]"), t="d"
 * (ExcelJS: parseFloat of the ISO string → 2024), an empty <v/> in a numeric cell (ExcelJS: NaN),
 * the phonetic <rPh> text of a shared string (ExcelJS kept it instead of the string), all runs of
 * an inline rich string (ExcelJS kept the last), and str/inlineStr text decoded twice by ExcelJS
 * ("&amp;lt;" gave "<", here "&lt;").
 *
 * Positions: r and c are 0-based, from the r attributes ("AB12"); a <c> without r is the previous
 * cell's column + 1, a <row> without r the previous row + 1 (ExcelJS gave NaN or threw).
 * Every <row> element becomes a row, also one whose cells are all empty or that has none: ExcelJS's
 * reader yielded one for each <row> too, and callers count rows (the head of a streamed sheet ends
 * at the first row at or past HEAD_ROWS), so parity is kept. A row's cells come left to right, one
 * per column (the last wins), as ExcelJS's row.values gave them.
 */

/** Receives each finished row: n cells; cell j is in column cols[j] and is the number nums[j], or the text texts[j] where nums[j] is NaN. */
export interface RowSink {
  /** For a number, texts[j] is its <v> text as written when this is true, else ''. */
  readonly numberTexts: boolean;
  row(r: number, n: number, cols: Int32Array, nums: Float64Array, texts: readonly string[]): void;
}

/** A malformed part: cut short (elements left open), or a token spanning more than a chunk. */
export class XmlShapeError extends Error {}

/** The elements the readers act on; everything else is Other. */
const enum Tag {
  Other,
  C,
  V,
  T,
  Is,
  Row,
  RPh,
  SheetData,
  Si,
}

function tagOfName(name: string): Tag {
  const colon = name.indexOf(':');
  switch (colon < 0 ? name : name.slice(colon + 1)) {
    case 'c':
      return Tag.C;
    case 'v':
      return Tag.V;
    case 't':
      return Tag.T;
    case 'is':
      return Tag.Is;
    case 'row':
      return Tag.Row;
    case 'rPh':
      return Tag.RPh;
    case 'sheetData':
      return Tag.SheetData;
    case 'si':
      return Tag.Si;
    default:
      return Tag.Other;
  }
}

/**
 * htmlparser2's Tokenizer fed with whole elements: each chunk is cut after its last '>' and the
 * rest carried to the next, so a tag (name and attributes) or a text never spans two pieces and
 * names are read in the piece in hand. Only what holds a '>' of its own (a comment, CDATA, an
 * attribute value with a literal '>') can span a border; CDATA text is read across one border.
 */
abstract class XmlPart implements TokenizerCallbacks {
  private readonly tokenizer: Tokenizer;
  /** The chunk being tokenised, and where it starts in the whole text (the Tokenizer's indices are global). */
  protected buf = '';
  protected off = 0;
  private prev = '';
  private prevOff = 0;
  private carry: Buffer | null = null;
  private depth = 0;
  private sawRoot = false;
  /** The element whose start tag is being read: its attributes follow, and a self-closing end ("<c r="A1"/>") closes it. */
  protected opening = Tag.Other;

  constructor(private readonly what: string) {
    this.tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, this);
  }

  /**
   * The next bytes of the part's UTF-8. They are cut after their last '>' (a byte that is never
   * part of a multi-byte character) and the rest carried to the next, so every piece decodes
   * whole (no StringDecoder needed) and ends on a tag.
   */
  write(chunk: Buffer): void {
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = bytes.lastIndexOf(62) + 1;
    if (cut > 0) this.feed(bytes.toString('utf8', 0, cut));
    this.carry = cut === bytes.length ? null : Buffer.from(bytes.subarray(cut));
  }

  /** The end of the part: throws XmlShapeError when it was cut short. */
  end(): void {
    if (this.carry !== null) this.feed(this.carry.toString('utf8'));
    this.carry = null;
    this.tokenizer.end();
    if (!this.sawRoot) throw new XmlShapeError(`${this.what} holds no XML element`);
    if (this.depth > 0) throw new XmlShapeError(`${this.what}'s XML ends with ${this.depth} element${this.depth === 1 ? '' : 's'} left open (cut short or damaged)`);
  }

  private feed(text: string): void {
    this.prev = this.buf;
    this.prevOff = this.off;
    this.off += this.buf.length;
    this.buf = text;
    this.tokenizer.write(text);
  }

  /** Text between two of the Tokenizer's indices. */
  protected slice(start: number, end: number): string {
    const off = this.off;
    if (start >= off) return this.buf.slice(start - off, end - off);
    if (start < this.prevOff) throw new XmlShapeError(`${this.what} holds an XML section longer than a whole chunk`);
    return end <= off ? this.prev.slice(start - this.prevOff, end - this.prevOff) : this.prev.slice(start - this.prevOff) + this.buf.slice(0, end - off);
  }

  private tag(start: number, end: number): Tag {
    const i = start - this.off;
    if (i >= 0) {
      const b = this.buf;
      const c0 = b.charCodeAt(i);
      switch (end - start) {
        case 1:
          return c0 === 99 ? Tag.C : c0 === 118 ? Tag.V : c0 === 116 ? Tag.T : Tag.Other;
        case 2: {
          const c1 = b.charCodeAt(i + 1);
          if (c0 === 105 && c1 === 115) return Tag.Is;
          if (c0 === 115 && c1 === 105) return Tag.Si;
          break;
        }
        case 3:
          if (c0 === 114) {
            const c1 = b.charCodeAt(i + 1);
            const c2 = b.charCodeAt(i + 2);
            if (c1 === 111 && c2 === 119) return Tag.Row;
            if (c1 === 80 && c2 === 104) return Tag.RPh;
          }
          break;
        case 9:
          if (b.startsWith('sheetData', i)) return Tag.SheetData;
          break;
        default:
      }
      // A prefixed name ("x:row") is read as a string; any other the readers ignore.
      const to = end - this.off;
      let colon = i + 1;
      while (colon < to && b.charCodeAt(colon) !== 58) colon++;
      if (colon === to) return Tag.Other;
    }
    return tagOfName(this.slice(start, end));
  }

  // What the readers do with the tokens.
  protected abstract open(tag: Tag): void;
  protected abstract close(tag: Tag): void;
  protected abstract text(start: number, end: number): void;
  protected abstract entity(text: string): void;
  protected attrName(_start: number, _end: number): void {}
  protected attrData(_start: number, _end: number): void {}
  protected attrEnd(): void {}

  // TokenizerCallbacks
  onopentagname(start: number, end: number): void {
    this.depth++;
    this.sawRoot = true;
    this.open((this.opening = this.tag(start, end)));
  }
  onopentagend(): void {}
  onselfclosingtag(): void {
    this.depth--;
    this.close(this.opening);
  }
  onclosetag(start: number, end: number): void {
    this.depth--;
    this.close(this.tag(start, end));
  }
  onattribname(start: number, end: number): void {
    this.attrName(start, end);
  }
  onattribdata(start: number, end: number): void {
    this.attrData(start, end);
  }
  onattribentity(): void {
    // Of the attributes, only r (a cell reference) and t (a type name) are read: neither holds an entity.
  }
  onattribend(quote: QuoteType): void {
    if (quote !== QuoteType.NoValue) this.attrEnd();
  }
  ontext(start: number, end: number): void {
    this.text(start, end);
  }
  ontextentity(codepoint: number): void {
    this.entity(String.fromCodePoint(codepoint));
  }
  oncdata(start: number, end: number, endOffset: number): void {
    this.text(start, end - endOffset);
  }
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

const enum CellType {
  Num,
  Shared,
  Str,
  Inline,
  Bool,
  Err,
  Date,
}

const enum Capture {
  None,
  V,
  InlineT,
}

const enum Attr {
  None,
  R,
  T,
}

function cellType(t: string): CellType {
  switch (t) {
    case 's':
      return CellType.Shared;
    case 'str':
      return CellType.Str;
    case 'inlineStr':
      return CellType.Inline;
    case 'b':
      return CellType.Bool;
    case 'e':
      return CellType.Err;
    case 'd':
      return CellType.Date;
    default:
      return CellType.Num;
  }
}

/** A non-negative decimal integer ("12") from a text's characters, or -1 when they are not one. */
function intOf(text: string, from: number, to: number): number {
  let n = 0;
  if (to <= from || to - from > 15) return -1;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A plain decimal ("12", "-3.25") read from its characters, or NaN for anything else (exponents,
 * white space, more than 15 digits), which Number() then reads. Up to 15 digits the digits are an
 * exact integer and one division by an exact power of ten rounds correctly: the same double.
 */
function decimalOf(b: string, from: number, to: number): number {
  let i = from;
  const neg = b.charCodeAt(i) === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < to; i++) {
    const d = b.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
      if (frac >= 0) frac++;
    } else if (d === -2 && frac < 0) frac = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const v = frac > 0 ? m / (POW10[frac] as number) : m;
  return neg ? -v : v;
}

/** Whether a text is empty or white space only (an empty <v/> is no value). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) return false;
  }
  return true;
}

/** A worksheet part's XML → rows, handed to a sink as each </row> is read. */
export class SheetXmlParser extends XmlPart {
  private inSheetData = false;
  // The current row.
  private inRow = false;
  private r = -1;
  private n = 0;
  private cols = new Int32Array(256);
  private nums = new Float64Array(256);
  private texts: string[] = [];
  private sorted = true;
  // The current cell.
  private inCell = false;
  private c = -1;
  private type = CellType.Num;
  private hasV = false;
  /** The <v> text: while it is one piece of the chunk, where it is (vBuf, from vFrom to vTo), not yet a string of its own; else in v. */
  private vPieces = 0;
  private vBuf = '';
  private vFrom = 0;
  private vTo = 0;
  private v = '';
  private inIs = false;
  private hasIs = false;
  private isText = '';
  private phonetic = 0;
  private capture = Capture.None;
  // The attribute being read: r is read character by character (letters for a cell, digits for a row), t kept as text.
  private attr = Attr.None;
  private refN = 0;
  private refLen = 0;
  private refDone = false;
  private tText = '';

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly sink: RowSink,
  ) {
    super('the sheet');
  }

  protected open(tag: Tag): void {
    this.attr = Attr.None;
    switch (tag) {
      case Tag.C:
        if (this.inRow) {
          this.inCell = true;
          this.c++;
          this.type = CellType.Num;
          this.hasV = false;
          this.vPieces = 0;
          this.v = '';
          this.hasIs = false;
          this.isText = '';
        }
        return;
      case Tag.V:
        if (this.inCell) {
          this.capture = Capture.V;
          this.hasV = true;
          this.vPieces = 0;
          this.v = '';
        }
        return;
      case Tag.Row:
        if (this.inSheetData) {
          this.inRow = true;
          this.r++;
          this.n = 0;
          this.c = -1;
          this.sorted = true;
        }
        return;
      case Tag.T:
        if (this.inIs && this.phonetic === 0) this.capture = Capture.InlineT;
        return;
      case Tag.Is:
        if (this.inCell) {
          this.inIs = this.hasIs = true;
          this.phonetic = 0;
        }
        return;
      case Tag.RPh:
        if (this.inIs) this.phonetic++;
        return;
      case Tag.SheetData:
        this.inSheetData = true;
        return;
      default:
    }
  }

  protected override attrName(start: number, end: number): void {
    this.attr = Attr.None;
    if (end - start !== 1 || !((this.opening === Tag.C && this.inCell) || (this.opening === Tag.Row && this.inRow))) return;
    const ch = this.buf.charCodeAt(start - this.off);
    if (ch === 114) {
      this.attr = Attr.R;
      this.refN = 0;
      this.refLen = 0;
      this.refDone = false;
    } else if (ch === 116) {
      this.attr = Attr.T;
      this.tText = '';
    }
  }

  protected override attrData(start: number, end: number): void {
    if (this.attr === Attr.None) return;
    if (this.attr === Attr.T) {
      this.tText += this.slice(start, end);
      return;
    }
    if (this.refDone) return;
    // A value split by a chunk border arrives in pieces, each within its chunk.
    const b = this.buf;
    const from = start - this.off;
    const to = end - this.off;
    let n = this.refN;
    let len = this.refLen;
    if (this.opening === Tag.C) {
      for (let i = from; i < to; i++) {
        const ch = b.charCodeAt(i);
        if (ch >= 65 && ch <= 90) n = n * 26 + ch - 64;
        else if (ch >= 97 && ch <= 122) n = n * 26 + ch - 96;
        else {
          this.refDone = true;
          break;
        }
        len++;
      }
    } else {
      for (let i = from; i < to; i++) {
        const d = b.charCodeAt(i) - 48;
        if (d < 0 || d > 9) {
          this.refDone = true;
          break;
        }
        n = n * 10 + d;
        len++;
      }
    }
    this.refN = n;
    this.refLen = len;
  }

  protected override attrEnd(): void {
    if (this.attr === Attr.R) {
      if (this.refLen > 0 && this.refLen <= 15) {
        if (this.opening === Tag.C) this.c = this.refN - 1;
        else if (this.refN > 0) this.r = this.refN - 1;
      }
    } else if (this.attr === Attr.T) {
      this.type = cellType(this.tText);
    }
    this.attr = Attr.None;
  }

  protected text(start: number, end: number): void {
    if (this.capture === Capture.V) {
      if (this.vPieces === 0 && start >= this.off) {
        this.vPieces = 1;
        this.vBuf = this.buf;
        this.vFrom = start - this.off;
        this.vTo = end - this.off;
      } else {
        this.v = this.vText() + this.slice(start, end);
        this.vPieces = 2;
      }
    } else if (this.capture === Capture.InlineT) this.isText += this.slice(start, end);
  }

  protected entity(text: string): void {
    if (this.capture === Capture.V) {
      this.v = this.vText() + text;
      this.vPieces = 2;
    } else if (this.capture === Capture.InlineT) this.isText += text;
  }

  private vText(): string {
    return this.vPieces === 1 ? this.vBuf.slice(this.vFrom, this.vTo) : this.v;
  }

  protected close(tag: Tag): void {
    switch (tag) {
      case Tag.C:
        if (this.inCell) {
          this.inCell = false;
          this.capture = Capture.None;
          this.inIs = false;
          this.cell();
        }
        return;
      case Tag.V:
      case Tag.T:
        this.capture = Capture.None;
        return;
      case Tag.Row:
        if (this.inRow) {
          this.inRow = false;
          this.inCell = false;
          if (!this.sorted) this.sortRow();
          this.sink.row(this.r, this.n, this.cols, this.nums, this.texts);
        }
        return;
      case Tag.Is:
        this.inIs = false;
        return;
      case Tag.RPh:
        if (this.phonetic > 0) this.phonetic--;
        return;
      case Tag.SheetData:
        this.inSheetData = false;
        return;
      default:
    }
  }

  private cell(): void {
    let text: string;
    let num = Number.NaN;
    switch (this.type) {
      case CellType.Num:
        if (this.vPieces === 1) num = decimalOf(this.vBuf, this.vFrom, this.vTo);
        if (num === num) text = this.sink.numberTexts ? this.vText() : '';
        else {
          // Not a plain decimal: white space, an exponent, many digits, or no number at all (kept as text).
          text = this.vText();
          if (!this.hasV || isBlank(text)) return;
          num = Number(text);
        }
        break;
      case CellType.Shared: {
        let i = this.vPieces === 1 ? intOf(this.vBuf, this.vFrom, this.vTo) : -1;
        if (i < 0) {
          const v = this.vText().trim();
          i = intOf(v, 0, v.length);
        }
        const s = this.sharedStrings[i];
        if (s === undefined) return;
        text = s;
        break;
      }
      case CellType.Inline:
        text = this.hasIs ? this.isText : this.vText();
        break;
      case CellType.Bool:
        if (!this.hasV) return;
        text = parseInt(this.vText(), 10) !== 0 ? 'TRUE' : 'FALSE';
        break;
      case CellType.Date: {
        if (!this.hasV) return;
        const v = this.vText();
        text = /^\d{4}-\d\d-\d\d/.test(v) ? v.slice(0, 10) : v;
        break;
      }
      default:
        // str, e: the text as stored.
        text = this.vText();
    }
    if (num !== num && text === '') return;
    const n = this.n;
    if (n > 0 && this.c <= (this.cols[n - 1] as number)) this.sorted = false;
    if (n === this.cols.length) {
      const cols = new Int32Array(n * 2);
      cols.set(this.cols);
      this.cols = cols;
      const nums = new Float64Array(n * 2);
      nums.set(this.nums);
      this.nums = nums;
    }
    this.cols[n] = this.c;
    this.nums[n] = num;
    this.texts[n] = text;
    this.n = n + 1;
  }

  /** Cells out of column order (never from Excel): left to right, the last of a column kept. */
  private sortRow(): void {
    const order: number[] = [];
    for (let j = 0; j < this.n; j++) order.push(j);
    order.sort((a, b) => (this.cols[a] as number) - (this.cols[b] as number) || b - a);
    const cols: number[] = [];
    const nums: number[] = [];
    const texts: string[] = [];
    for (const j of order) {
      const c = this.cols[j] as number;
      if (cols.length > 0 && cols[cols.length - 1] === c) continue;
      cols.push(c);
      nums.push(this.nums[j] as number);
      texts.push(this.texts[j] as string);
    }
    this.n = cols.length;
    this.cols.set(cols);
    this.nums.set(nums);
    for (let j = 0; j < texts.length; j++) this.texts[j] = texts[j] as string;
  }
}

/** A sharedStrings part's XML → its strings in order: each <si>'s <t> texts (plain, or the runs of rich text) concatenated, <rPh> (phonetic) text left out, white space kept as is. */
export class SharedStringsParser extends XmlPart {
  readonly strings: string[] = [];
  private inSi = false;
  private phonetic = 0;
  private inT = false;
  private current = '';

  constructor() {
    super('the shared strings');
  }

  protected open(tag: Tag): void {
    if (tag === Tag.Si) {
      this.inSi = true;
      this.phonetic = 0;
      this.current = '';
    } else if (tag === Tag.RPh) this.phonetic++;
    else if (tag === Tag.T && this.inSi && this.phonetic === 0) this.inT = true;
  }

  protected close(tag: Tag): void {
    if (tag === Tag.T) this.inT = false;
    else if (tag === Tag.RPh) this.phonetic = Math.max(0, this.phonetic - 1);
    else if (tag === Tag.Si && this.inSi) {
      this.strings.push(this.current);
      this.inSi = false;
      this.current = '';
    }
  }

  protected text(start: number, end: number): void {
    if (this.inT) this.current += this.slice(start, end);
  }

  protected entity(text: string): void {
    if (this.inT) this.current += text;
  }
}
