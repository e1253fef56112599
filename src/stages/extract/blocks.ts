// Collects blocks from any reader and applies the rules every format shares: the text is cleaned,
// boilerplate lines go, empty blocks go, and one caption seen several times (img alt, img title,
// figcaption) becomes one block.
import type { Block, BlockKind } from '../../types.js';
import { isBoilerplateLine, isMeaningfulAlt } from './boilerplate.js';
import { cleanText, hasWords } from './text.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export class BlockBuilder {
  readonly blocks: Block[] = [];
  /** captions that come only from an img alt/title attribute (no visible caption text) */
  private readonly altOnly = new Set<Block>();
  private titleText: string | undefined;

  get title(): string | undefined {
    return this.titleText;
  }

  /** The document title: body paragraphs repeating it are dropped (it is block 0 already). */
  setTitle(title: string | undefined): void {
    this.titleText = title === undefined ? undefined : cleanText(title);
  }

  /**
   * A run of text that reads as one or more paragraphs. '\n' marks a <br> (or a line of a text
   * file): a blank line between two runs splits paragraphs, single line breaks are kept as spaces
   * after dropping the lines that are boilerplate.
   */
  addParagraphs(raw: string, kind: BlockKind = 'paragraph'): void {
    for (const para of raw.split(/\n[^\S\n]*\n/)) {
      const lines = para
        .split('\n')
        .map(cleanText)
        .filter((line) => line !== '' && !isBoilerplateLine(line));
      // Markdown bold left inside HTML by a feed (路透 "**油价低迷**"): markers only when paired.
      const text = cleanText(lines.join(' ')).replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1');
      if (text === '' || !hasWords(text) || isBoilerplateLine(text)) continue;
      // Repeats of the title (BBC's <h1>, 美国之音's video caption) would count it twice.
      if (this.titleText !== undefined && text === this.titleText) continue;
      if (kind === 'caption') this.pushCaption(text);
      else this.blocks.push({ kind, text, norm: text });
    }
  }

  addCaption(raw: string): void {
    this.addParagraphs(raw, 'caption');
  }

  /** A caption from an img alt/title attribute: only kept when it says something. */
  addAltCaption(alt: string): void {
    const text = cleanText(alt);
    if (text === this.titleText) return;
    if (isMeaningfulAlt(text) && !isBoilerplateLine(text)) this.pushCaption(text, true);
  }

  /**
   * Blocks, final. An alt text with no Chinese or Japanese in a Chinese article (BBC: "A range of
   * iPhone12s on display", "Presentational grey line") is the CMS's accessibility note, not a
   * published caption: dropped. English-only articles (经济学人en) keep their English alts.
   */
  finish(): Block[] {
    const paragraphs = this.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.text)
      .join('');
    const han = (paragraphs.match(CJK_G) ?? []).length;
    const latin = (paragraphs.match(/[A-Za-z]/g) ?? []).length;
    if (han > latin) {
      return this.blocks.filter((b) => !(this.altOnly.has(b) && !CJK.test(b.text)));
    }
    return this.blocks;
  }

  private pushCaption(text: string, fromAlt = false): void {
    const existing = this.blocks.find((b) => b.kind === 'caption' && b.text === text);
    if (existing) {
      if (!fromAlt) this.altOnly.delete(existing); // the alt text is also shown as a caption
      return;
    }
    // An alt text and the figcaption under it often differ only by a credit: keep the longer one.
    const prev = this.blocks[this.blocks.length - 1];
    if (prev?.kind === 'caption' && (prev.text.includes(text) || text.includes(prev.text))) {
      if (text.length > prev.text.length) {
        prev.text = text;
        prev.norm = text;
      }
      if (!fromAlt) this.altOnly.delete(prev);
      return;
    }
    const block: Block = { kind: 'caption', text, norm: text };
    this.blocks.push(block);
    if (fromAlt) this.altOnly.add(block);
  }
}
