/**
 * The word filter: a city's word list (data/safety/lexicon.json) matched with two
 * Aho-Corasick automata, one over characters and one over sounds (see match-text.ts), so
 * spacing, symbols, traditional forms, full-width letters, pinyin, initials and
 * typed pinyin of a listed word are caught (homophones people really use are listed as
 * variants). Phrases on the allow list ("跳楼机") are never flagged. Sound matches must
 * start and end at a syllable or word edge, so "sb" is not found in "usb", and must hold a
 * typed Latin letter: Chinese that merely sounds like a word (开放, 病毒) is innocent.
 */
import fs from "node:fs";
import { pinyin } from "pinyin-pro";
import { z } from "zod";
import { AhoCorasick } from "./aho-corasick.ts";
import { type Sounds, type Symbols, characters, normaliseChar, sounds } from "./match-text.ts";

export const LEXICON_CATEGORIES = ["insult", "violence", "sexual", "gambling", "drugs", "self_harm", "bullying", "fraud", "spam"] as const;

export const lexiconSchema = z.object({
  version: z.number().int(),
  note: z.string().max(4000).optional(),
  allow: z.array(z.string().min(1).max(50)).default([]),
  entries: z.array(z.object({
    word: z.string().min(1).max(50),
    category: z.enum(LEXICON_CATEGORIES),
    action: z.enum(["block", "hold"]),
    variants: z.array(z.string().min(1).max(50)).default([]),
  }).passthrough()).min(1),
}).passthrough();

export type Lexicon = z.infer<typeof lexiconSchema>;

export interface WordHit {
  word: string;
  category: (typeof LEXICON_CATEGORIES)[number];
  action: "block" | "hold";
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[a-z]+$/;

const normalised = (text: string) => [...text].map(normaliseChar).join("");

export function readLexicon(file: string): Lexicon {
  return lexiconSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

interface Pattern {
  entry: number;
}

export class WordFilter {
  private readonly byCharacters: AhoCorasick;
  private readonly bySound: AhoCorasick;
  private readonly characterPatterns: Pattern[] = [];
  private readonly soundPatterns: Pattern[] = [];
  private readonly allow: AhoCorasick;

  constructor(private readonly lexicon: Lexicon) {
    const characterSymbols: string[][] = [];
    const soundSymbols: string[][] = [];
    lexicon.entries.forEach((entry, index) => {
      for (const form of new Set([entry.word, ...entry.variants].map(normalised).filter(Boolean))) {
        if (LATIN_ONLY.test(form)) {
          soundSymbols.push([...form]);
          this.soundPatterns.push({ entry: index });
        } else {
          characterSymbols.push([...form]);
          this.characterPatterns.push({ entry: index });
        }
        // Homophones and typed pinyin of a word of two or more Han characters.
        const han = [...form].filter((c) => HAN.test(c));
        if (han.length >= 2 && han.length === [...form].length) {
          soundSymbols.push([...(pinyin(form, { toneType: "none", type: "array", v: true }) as string[]).join("")]);
          this.soundPatterns.push({ entry: index });
        }
      }
    });
    this.byCharacters = new AhoCorasick(characterSymbols);
    this.bySound = new AhoCorasick(soundSymbols);
    this.allow = new AhoCorasick(lexicon.allow.map((phrase) => [...normalised(phrase)]));
  }

  /** Original-text ranges covered by allowed phrases. */
  private allowed(text: Symbols): Array<[number, number]> {
    return this.allow.search(text.symbols).map((m) => [text.from[m.start]!, text.to[m.end - 1]!]);
  }

  private hit(entry: number, start: number, end: number): WordHit {
    const e = this.lexicon.entries[entry]!;
    return { word: e.word, category: e.category, action: e.action, start, end };
  }

  /** `chars` is the text as characters(text) reads it, when the caller has it already. */
  check(text: string, chars: Symbols = characters(text)): WordHit[] {
    const allowed = this.allowed(chars);
    const inAllowed = (start: number, end: number) => allowed.some(([a, b]) => start >= a && end <= b);
    const hits: WordHit[] = [];
    for (const m of this.byCharacters.search(chars.symbols)) {
      const [start, end] = [chars.from[m.start]!, chars.to[m.end - 1]!];
      if (!inAllowed(start, end)) hits.push(this.hit(this.characterPatterns[m.pattern]!.entry, start, end));
    }
    const heard: Sounds = sounds(text);
    for (const m of this.bySound.search(heard.symbols)) {
      const atEdges = heard.starts[m.start] && (m.end === heard.symbols.length || heard.starts[m.end]);
      // Chinese that merely sounds like a word (开放, 病毒, 去四楼) is innocent; typed pinyin is not.
      const typed = heard.typed.slice(m.start, m.end).some(Boolean);
      const [start, end] = [heard.from[m.start]!, heard.to[m.end - 1]!];
      if (atEdges && typed && !inAllowed(start, end)) hits.push(this.hit(this.soundPatterns[m.pattern]!.entry, start, end));
    }
    return hits;
  }
}
