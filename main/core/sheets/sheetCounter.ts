// Counts rows and cells in worksheet XML while it streams out of the inflater, without keeping it:
// a 100,000-row sheet is refused in milliseconds, before exceljs builds a single object.

export interface SheetCounts {
  /** <row> elements, empty or not. */
  rowElements: number;
  /** Rows holding at least one value (<v> or an inline string). */
  valueRows: number;
  cells: number;
}

// Tags that matter, with an optional namespace prefix (some writers emit <x:row>). The lookahead
// keeps <c> apart from <col>, <cols>, <cfRule>.
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|c|v|is)(?=[\s>/])/g;
// A tag name with prefix fits in this many characters; a longer tail is text, not a split tag.
const MAX_TAG_HEAD = 48;

export function createSheetCounter(): { push(chunk: Buffer): void; finish(): SheetCounts } {
  const counts: SheetCounts = { rowElements: 0, valueRows: 0, cells: 0 };
  let rowHasValue = false;
  let carry = '';

  const scan = (text: string) => {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
      if (m[1] === '/') continue;
      switch (m[2]) {
        case 'row':
          counts.rowElements++;
          rowHasValue = false;
          break;
        case 'c':
          counts.cells++;
          break;
        default: // v or is
          if (!rowHasValue) {
            rowHasValue = true;
            counts.valueRows++;
          }
      }
    }
  };

  return {
    push(chunk) {
      // latin1 keeps one character per byte: tag names are ASCII, so nothing is lost.
      const text = carry + chunk.toString('latin1');
      const cut = text.lastIndexOf('<');
      if (cut >= 0 && text.length - cut <= MAX_TAG_HEAD) {
        scan(text.slice(0, cut));
        carry = text.slice(cut);
      } else {
        scan(text);
        carry = '';
      }
    },
    finish() {
      scan(carry);
      carry = '';
      return counts;
    },
  };
}
