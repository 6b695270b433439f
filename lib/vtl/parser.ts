// Parses a template into a tree once (at deploy time). Follows Apache Velocity 1.7's grammar (Parser.jjt), including
// its whitespace rules, which AWS's engine inherits:
//  - `#set(...)` swallows the spaces/tabs before it when they start a new token (start of template, or right after
//    another directive/reference/comment), and its line break;
//  - any directive's closing `)` swallows `[ \t]*` + line break when nothing else follows on the line; so do `#end`,
//    `#else` (and `#{end}`, `#{else}`); indentation before `#if`, `#foreach`, `#end`, … is kept;
//  - `##` comments swallow their line break, `#* *#` comments do not.
import type { BinaryOp, CompiledTemplate, Expr, MacroDefinition, Node, Reference, RefPart } from './ast';
import { lineStarts, positionAt, VtlSyntaxError } from './errors';
import {
  bracketedWordEnd,
  CH,
  directiveLineEnd,
  identifierEnd,
  isAlpha,
  isDigit,
  keywordAt,
  lineCommentEnd,
  scanNumber,
  scanString,
  skipDirectiveSpace,
  unescapeUnicode,
  wordEnd,
} from './lexer';
import { JDouble, parseIntegerText, type Value } from './values';

/** AWS's limit on a mapping template. */
export const MAX_TEMPLATE_BYTES = 300 * 1024;
/** Nesting limit for directives, parentheses, literals and interpolated strings (keeps the parser's stack bounded). */
const MAX_NESTING = 200;

/** Directives Velocity 1.7 recognises when escaped (`\#if` renders `#if`). */
const KNOWN_DIRECTIVES = new Set([
  'if',
  'else',
  'elseif',
  'end',
  'set',
  'stop',
  'foreach',
  'macro',
  'define',
  'break',
  'evaluate',
  'include',
  'parse',
  'literal',
]);

interface Terminator {
  name: 'end' | 'else' | 'elseif';
  /** Offset of the `#`. */
  at: number;
  condition: Expr | null;
}

interface DirectiveArg {
  expr: Expr;
  /** Set for a bare word (`in`, a macro name). */
  word: string | null;
  at: number;
}

type HashResult =
  | { t: 'text' }
  | { t: 'node'; node: Node | null; textEnd: number }
  | { t: 'terminator'; term: Terminator };

const SPECIAL = /[$#\\]/g;

class TemplateParser {
  pos = 0;
  private nesting = 0;

  constructor(
    private readonly src: string,
    /** Offset of `src` in the whole template (interpolated strings are parsed on their own). */
    private readonly offset: number,
    private readonly starts: readonly number[],
    private readonly macros: Map<string, MacroDefinition>,
    private readonly depth: number,
  ) {
    if (depth > MAX_NESTING) this.fail('Template nested too deeply', 0);
  }

  fail(reason: string, at: number): never {
    const p = positionAt(this.starts, this.offset + at);
    throw new VtlSyntaxError(reason, p.line, p.column);
  }

  private enter(at: number): void {
    if (++this.nesting > MAX_NESTING) this.fail('Template nested too deeply', at);
  }

  parseTopLevel(): Node[] {
    const { nodes, terminator } = this.parseBlock();
    if (terminator !== null) {
      this.fail(
        terminator.name === 'end'
          ? 'Unexpected #end: no #if, #foreach, #macro or #define is open'
          : `Unexpected #${terminator.name} without #if`,
        terminator.at,
      );
    }
    return nodes;
  }

  /** Text and directives up to the end of input or a `#end` / `#else` / `#elseif`, which is consumed and returned. */
  parseBlock(): { nodes: Node[]; terminator: Terminator | null } {
    const src = this.src;
    const nodes: Node[] = [];
    let textStart = this.pos;
    const pushText = (text: string) => {
      if (text === '') return;
      const last = nodes[nodes.length - 1];
      if (last?.kind === 'text') last.text += text;
      else nodes.push({ kind: 'text', text });
    };
    const flush = (upTo: number) => {
      if (upTo > textStart) pushText(src.slice(textStart, upTo));
    };
    while (this.pos < src.length) {
      SPECIAL.lastIndex = this.pos;
      const found = SPECIAL.exec(src);
      if (found === null) {
        this.pos = src.length;
        break;
      }
      const start = found.index;
      this.pos = start;
      const c = src.charCodeAt(start);
      if (c === CH.dollar) {
        const ref = this.tryReference(start);
        if (ref !== null) {
          flush(start);
          nodes.push({ kind: 'output', ref, escapes: 0 });
          textStart = this.pos;
        } else {
          this.pos = start + 1;
        }
        continue;
      }
      if (c === CH.backslash) {
        let p = start;
        while (src.charCodeAt(p) === CH.backslash) p++;
        const count = p - start;
        const next = src.charCodeAt(p);
        if (next === CH.dollar) {
          const ref = this.tryReference(p);
          if (ref !== null) {
            flush(start);
            nodes.push({ kind: 'output', ref, escapes: count });
            textStart = this.pos;
          } else {
            this.pos = p + 1;
          }
          continue;
        }
        const name = next === CH.hash ? this.directiveNameAt(p) : null;
        if (name !== null) {
          const recognized = KNOWN_DIRECTIVES.has(name.name) || this.macros.has(name.name);
          if (count % 2 === 1) {
            // `\#if` renders `#if` (half the other backslashes kept); unknown words keep their backslashes.
            if (recognized) {
              flush(start);
              pushText('\\'.repeat((count - 1) / 2) + src.slice(p, name.end));
              textStart = name.end;
            }
            this.pos = name.end;
            continue;
          }
          if (recognized && name.name !== 'set') {
            // `\\#if(...)`: each `\\` renders `\` and the directive still runs.
            flush(start);
            pushText('\\'.repeat(count / 2));
            textStart = p;
          }
        }
        this.pos = p;
        continue;
      }
      const r = this.hashConstruct(start, textStart);
      if (r.t === 'text') continue;
      if (r.t === 'terminator') {
        flush(start);
        return { nodes, terminator: r.term };
      }
      flush(r.textEnd);
      if (r.node !== null) {
        if (r.node.kind === 'text') pushText(r.node.text);
        else nodes.push(r.node);
      }
      textStart = this.pos;
    }
    flush(src.length);
    return { nodes, terminator: null };
  }

  private directiveNameAt(hash: number): { name: string; end: number } | null {
    const src = this.src;
    if (src.charCodeAt(hash + 1) === CH.lbrace) {
      const e = bracketedWordEnd(src, hash + 1);
      return e === hash + 1 ? null : { name: src.slice(hash + 2, e - 1), end: e };
    }
    const e = wordEnd(src, hash + 1);
    return e === hash + 1 ? null : { name: src.slice(hash + 1, e), end: e };
  }

  /** Everything that starts with `#`. */
  private hashConstruct(start: number, textStart: number): HashResult {
    const src = this.src;
    const n1 = src.charCodeAt(start + 1);
    if (n1 === CH.hash) {
      this.pos = lineCommentEnd(src, start + 2);
      return { t: 'node', node: null, textEnd: start };
    }
    if (n1 === CH.star) {
      const close = src.indexOf('*#', start + 2);
      if (close < 0) this.fail('Unterminated #* comment: no closing *#', start);
      this.pos = close + 2;
      return { t: 'node', node: null, textEnd: start };
    }
    if (src.startsWith('[[', start + 1)) {
      const close = src.indexOf(']]#', start + 3);
      if (close < 0) this.fail('Unterminated #[[ literal block: no closing ]]#', start);
      this.pos = close + 3;
      return { t: 'node', node: { kind: 'text', text: src.slice(start + 3, close) }, textEnd: start };
    }
    const nm = this.directiveNameAt(start);
    if (nm === null) {
      this.pos = start + 1;
      return { t: 'text' };
    }
    const { name, end } = nm;
    const at = this.offset + start;
    switch (name) {
      case 'set': {
        let p = end;
        while (src.charCodeAt(p) === CH.space) p++;
        if (src.charCodeAt(p) !== CH.lparen) break;
        const textEnd = /^[ \t]*$/.test(src.slice(textStart, start)) ? textStart : start;
        this.pos = p + 1;
        return { t: 'node', node: this.setDirective(start), textEnd };
      }
      case 'if':
        this.pos = end;
        return { t: 'node', node: this.ifDirective(start), textEnd: start };
      case 'elseif':
        this.pos = end;
        return { t: 'terminator', term: { name, at: start, condition: this.parenCondition('#elseif') } };
      case 'else':
      case 'end':
        this.pos = directiveLineEnd(src, end);
        return { t: 'terminator', term: { name, at: start, condition: null } };
      case 'stop':
        this.pos = end;
        return { t: 'node', node: { kind: 'stop' }, textEnd: start };
      case 'break': {
        const p = skipDirectiveSpace(src, end);
        if (src.charCodeAt(p) !== CH.lparen) {
          this.pos = end;
          return { t: 'node', node: { kind: 'break', scope: null, pos: at }, textEnd: start };
        }
        this.pos = p;
        const args = this.directiveArgs('#break', start);
        if (args.length > 1) this.fail('#break takes at most one argument', start);
        return { t: 'node', node: { kind: 'break', scope: args[0]?.expr ?? null, pos: at }, textEnd: start };
      }
      case 'foreach':
        return { t: 'node', node: this.foreachDirective(start, end), textEnd: start };
      case 'macro':
        this.macroDirective(start, end);
        return { t: 'node', node: null, textEnd: start };
      case 'define': {
        const args = this.requiredArgs('#define', start, end);
        const target = args[0]?.expr;
        if (args.length !== 1 || target?.kind !== 'ref' || target.parts.length > 0) {
          this.fail('#define needs one simple reference: #define($name)', start);
        }
        const body = this.blockBody('#define', start);
        return { t: 'node', node: { kind: 'define', name: target.name, body, pos: at }, textEnd: start };
      }
      case 'literal': {
        this.requiredArgs('#literal', start, end);
        const bodyStart = this.pos;
        const { terminator } = this.nestedBlock(start);
        if (terminator?.name !== 'end') this.fail('#literal has no matching #end', start);
        return { t: 'node', node: { kind: 'text', text: src.slice(bodyStart, terminator.at) }, textEnd: start };
      }
      case 'evaluate':
      case 'include':
      case 'parse': {
        const p = skipDirectiveSpace(src, end);
        if (src.charCodeAt(p) !== CH.lparen) break;
        this.pos = p;
        const args = this.directiveArgs(`#${name}`, start);
        if (name === 'evaluate') {
          const source = args[0]?.expr;
          if (args.length !== 1 || source === undefined) this.fail('#evaluate takes exactly one argument', start);
          return { t: 'node', node: { kind: 'evaluate', source, pos: at }, textEnd: start };
        }
        return { t: 'node', node: { kind: 'unsupported', directive: name, pos: at }, textEnd: start };
      }
    }
    // A macro call `#name(args)` / `#@name(args) body #end`, or just text.
    const p = skipDirectiveSpace(src, end);
    if (src.charCodeAt(p) !== CH.lparen) {
      this.pos = end;
      return { t: 'text' };
    }
    this.pos = p;
    const args = this.directiveArgs(`#${name}`, start).map((a) => a.expr);
    if (name.startsWith('@')) {
      const body = this.blockBody(`#${name}`, start);
      return {
        t: 'node',
        node: { kind: 'call', name: name.slice(1), args, body, literal: src.slice(start, this.pos), pos: at },
        textEnd: start,
      };
    }
    return {
      t: 'node',
      node: { kind: 'call', name, args, body: null, literal: src.slice(start, this.pos), pos: at },
      textEnd: start,
    };
  }

  private nestedBlock(at: number): { nodes: Node[]; terminator: Terminator | null } {
    this.enter(at);
    const r = this.parseBlock();
    this.nesting--;
    return r;
  }

  private blockBody(what: string, start: number): Node[] {
    const { nodes, terminator } = this.nestedBlock(start);
    if (terminator === null) this.fail(`${what} has no matching #end`, start);
    if (terminator.name !== 'end') this.fail(`Unexpected #${terminator.name} without #if`, terminator.at);
    return nodes;
  }

  /** `[ws] ( expression )` and the line break after it. */
  private parenCondition(what: string): Expr {
    const src = this.src;
    const p = skipDirectiveSpace(src, this.pos);
    if (src.charCodeAt(p) !== CH.lparen) this.fail(`Expected "(" after ${what}`, p);
    this.pos = p + 1;
    const e = this.expression();
    this.skipSpace();
    if (src.charCodeAt(this.pos) !== CH.rparen) this.fail(`Expected ")" to close ${what}(...)`, this.pos);
    this.pos = directiveLineEnd(src, this.pos + 1);
    return e;
  }

  private ifDirective(start: number): Node {
    const branches = [{ condition: this.parenCondition('#if'), body: [] as Node[] }];
    let otherwise: Node[] | null = null;
    let inElse = false;
    for (;;) {
      const { nodes, terminator } = this.nestedBlock(start);
      if (inElse) otherwise = nodes;
      else {
        const last = branches[branches.length - 1];
        if (last !== undefined) last.body = nodes;
      }
      if (terminator === null) this.fail('#if has no matching #end', start);
      if (terminator.name === 'end') break;
      if (inElse) this.fail(`Unexpected #${terminator.name} after #else`, terminator.at);
      if (terminator.name === 'elseif' && terminator.condition !== null) {
        branches.push({ condition: terminator.condition, body: [] });
      } else {
        inElse = true;
      }
    }
    return { kind: 'if', branches, otherwise };
  }

  private setDirective(start: number): Node {
    const src = this.src;
    this.skipSpace();
    const target = src.charCodeAt(this.pos) === CH.dollar ? this.tryReference(this.pos) : null;
    if (target === null) this.fail('Expected a reference after #set(, as in #set($name = value)', this.pos);
    this.skipSpace();
    if (src.charCodeAt(this.pos) !== CH.equals || src.charCodeAt(this.pos + 1) === CH.equals) {
      this.fail('Expected "=" in #set($name = value)', this.pos);
    }
    this.pos++;
    const value = this.expression();
    this.skipSpace();
    if (src.charCodeAt(this.pos) !== CH.rparen) this.fail('Expected ")" to close #set(...)', this.pos);
    this.pos = directiveLineEnd(src, this.pos + 1);
    return { kind: 'set', target, value, pos: this.offset + start };
  }

  private requiredArgs(what: string, start: number, nameEnd: number): DirectiveArg[] {
    const p = skipDirectiveSpace(this.src, nameEnd);
    if (this.src.charCodeAt(p) !== CH.lparen) this.fail(`Expected "(" after ${what}`, p);
    this.pos = p;
    return this.directiveArgs(what, start);
  }

  private foreachDirective(start: number, nameEnd: number): Node {
    const args = this.requiredArgs('#foreach', start, nameEnd);
    const variable = args[0]?.expr;
    const iterable = args[2]?.expr;
    if (
      args.length !== 3 ||
      variable?.kind !== 'ref' ||
      variable.parts.length > 0 ||
      args[1]?.word !== 'in' ||
      iterable === undefined
    ) {
      this.fail('#foreach needs ($item in $collection)', start);
    }
    const body = this.blockBody('#foreach', start);
    return { kind: 'foreach', variable: variable.name, iterable, body, pos: this.offset + start };
  }

  private macroDirective(start: number, nameEnd: number): void {
    const args = this.requiredArgs('#macro', start, nameEnd);
    const name = args[0]?.word;
    if (name === null || name === undefined) {
      this.fail('Invalid first arg in #macro() directive - must be a word token (no \' or " surrounding)', start);
    }
    const params: string[] = [];
    for (const arg of args.slice(1)) {
      if (arg.expr.kind !== 'ref' || arg.expr.parts.length > 0)
        this.fail(`Macro #${name} parameters must be references like $name`, arg.at);
      params.push(arg.expr.name);
    }
    const body = this.blockBody('#macro', start);
    this.macros.set(name, { name, params, body });
  }

  /** `( arg arg, arg )`: whitespace and/or commas between arguments; the line break after `)` is swallowed. */
  private directiveArgs(what: string, start: number): DirectiveArg[] {
    const src = this.src;
    this.pos++;
    const args: DirectiveArg[] = [];
    for (;;) {
      this.skipSpace();
      const c = src.charCodeAt(this.pos);
      if (c === CH.rparen) {
        this.pos = directiveLineEnd(src, this.pos + 1);
        return args;
      }
      if (c === CH.comma) {
        this.pos++;
        continue;
      }
      if (Number.isNaN(c)) this.fail(`Unclosed ${what}(: expected ")"`, start);
      args.push(this.directiveArg());
    }
  }

  private directiveArg(): DirectiveArg {
    const src = this.src;
    const at = this.pos;
    const c = src.charCodeAt(at);
    if (!this.isParameterStart(at) && !keywordAt(src, at, 'in')) {
      const e = wordEnd(src, at);
      if (e === at) this.fail(`Unexpected character "${src[at]}" in directive arguments`, at);
      this.pos = e;
      const word = src.slice(at, e);
      return { expr: { kind: 'const', value: word }, word, at };
    }
    if (c !== CH.dollar && keywordAt(src, at, 'in')) {
      this.pos = at + 2;
      return { expr: { kind: 'const', value: 'in' }, word: 'in', at };
    }
    return { expr: this.primary(true), word: null, at };
  }

  // -------------------------------------------------------------------------------------------------------------
  // References

  /** `$name`, `$!name`, `${name}`, `$!{name}` with `.prop`, `.method(...)` and `[index]` parts; null if not one. */
  private tryReference(at: number): Reference | null {
    const src = this.src;
    let p = at + 1;
    let quiet = false;
    if (src.charCodeAt(p) === CH.bang) {
      quiet = true;
      p++;
    }
    let formal = false;
    if (src.charCodeAt(p) === CH.lbrace) {
      formal = true;
      p++;
    }
    const idEnd = identifierEnd(src, p);
    if (idEnd === p) return null;
    const name = src.slice(p, idEnd);
    this.pos = idEnd;
    const parts = this.refParts();
    if (formal) {
      if (src.charCodeAt(this.pos) !== CH.rbrace) this.fail(`Expected "}" to close \${${name}`, this.pos);
      this.pos++;
    }
    return { kind: 'ref', name, parts, quiet, literal: src.slice(at, this.pos), pos: this.offset + at };
  }

  private refParts(): RefPart[] {
    const src = this.src;
    const parts: RefPart[] = [];
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === CH.lbracket) {
        const open = this.pos;
        this.pos++;
        this.skipSpace();
        const d = src.charCodeAt(this.pos);
        const ok =
          d === CH.dollar ||
          d === CH.dquote ||
          d === CH.squote ||
          isDigit(d) ||
          (d === CH.minus && isDigit(src.charCodeAt(this.pos + 1))) ||
          keywordAt(src, this.pos, 'true') ||
          keywordAt(src, this.pos, 'false');
        if (!ok) this.fail('Invalid index: expected a number, string, boolean or reference inside [ ]', this.pos);
        const index = this.primary(true);
        this.skipSpace();
        if (src.charCodeAt(this.pos) !== CH.rbracket) this.fail('Expected "]" to close the index', open);
        this.pos++;
        parts.push({ kind: 'index', index });
        continue;
      }
      if (c !== CH.dot || !isAlpha(src.charCodeAt(this.pos + 1))) return parts;
      const idStart = this.pos + 1;
      const idEnd = identifierEnd(src, idStart);
      const name = src.slice(idStart, idEnd);
      if (src.charCodeAt(idEnd) !== CH.lparen) {
        parts.push({ kind: 'prop', name });
        this.pos = idEnd;
        continue;
      }
      // Velocity's LOOKAHEAD(3): `.name(` followed by something that cannot start an argument is a property + text.
      const afterParen = idEnd + 1;
      const q = skipDirectiveSpace(src, afterParen);
      if (src.charCodeAt(q) === CH.rparen) {
        parts.push({ kind: 'method', name, args: [] });
        this.pos = q + 1;
        continue;
      }
      if (!this.isParameterStart(q)) {
        if (q === afterParen) {
          parts.push({ kind: 'prop', name });
          this.pos = idEnd;
          continue;
        }
        this.fail(`Invalid argument in call to ${name}(...)`, q);
      }
      this.pos = afterParen;
      const args: Expr[] = [];
      for (;;) {
        this.skipSpace();
        args.push(this.primary(true));
        this.skipSpace();
        const d = src.charCodeAt(this.pos);
        if (d === CH.comma) {
          this.pos++;
          continue;
        }
        if (d === CH.rparen) {
          this.pos++;
          break;
        }
        this.fail(`Expected "," or ")" in the arguments of ${name}(...)`, this.pos);
      }
      parts.push({ kind: 'method', name, args });
    }
  }

  private isParameterStart(at: number): boolean {
    const src = this.src;
    const c = src.charCodeAt(at);
    if (c === CH.dollar || c === CH.dquote || c === CH.squote || c === CH.lbracket || c === CH.lbrace || isDigit(c))
      return true;
    if (c === CH.minus || c === CH.dot) return scanNumber(src, at) !== null;
    return keywordAt(src, at, 'true') || keywordAt(src, at, 'false') || keywordAt(src, at, 'null');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expressions (inside #set, #if, #elseif, and as method/list/map arguments)

  private skipSpace(): void {
    this.pos = skipDirectiveSpace(this.src, this.pos);
  }

  private eat(op: string): boolean {
    if (!this.src.startsWith(op, this.pos)) return false;
    this.pos += op.length;
    return true;
  }

  private eatKeyword(word: string): boolean {
    if (!keywordAt(this.src, this.pos, word)) return false;
    this.pos += word.length;
    return true;
  }

  private binary(op: BinaryOp, left: Expr, right: Expr, at: number): Expr {
    return { kind: 'binary', op, left, right, pos: this.offset + at };
  }

  expression(): Expr {
    return this.orExpr();
  }

  private orExpr(): Expr {
    let left = this.andExpr();
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (this.eat('||') || this.eatKeyword('or')) left = this.binary('||', left, this.andExpr(), at);
      else return left;
    }
  }

  private andExpr(): Expr {
    let left = this.equality();
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (this.eat('&&') || this.eatKeyword('and')) left = this.binary('&&', left, this.equality(), at);
      else return left;
    }
  }

  private equality(): Expr {
    let left = this.relational();
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (this.eat('==') || this.eatKeyword('eq')) left = this.binary('==', left, this.relational(), at);
      else if (this.eat('!=') || this.eatKeyword('ne')) left = this.binary('!=', left, this.relational(), at);
      else return left;
    }
  }

  private relational(): Expr {
    let left = this.additive();
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      let op: BinaryOp | null = null;
      if (this.eat('<=') || this.eatKeyword('le')) op = '<=';
      else if (this.eat('>=') || this.eatKeyword('ge')) op = '>=';
      else if (this.eat('<') || this.eatKeyword('lt')) op = '<';
      else if (this.eat('>') || this.eatKeyword('gt')) op = '>';
      if (op === null) return left;
      left = this.binary(op, left, this.additive(), at);
    }
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (this.eat('+')) left = this.binary('+', left, this.multiplicative(), at);
      else if (this.eat('-')) left = this.binary('-', left, this.multiplicative(), at);
      else return left;
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (this.eat('*')) left = this.binary('*', left, this.unary(), at);
      else if (this.eat('/')) left = this.binary('/', left, this.unary(), at);
      else if (this.eat('%')) left = this.binary('%', left, this.unary(), at);
      else return left;
    }
  }

  private unary(): Expr {
    this.skipSpace();
    const at = this.pos;
    if (
      (this.src.charCodeAt(at) === CH.bang && this.src.charCodeAt(at + 1) !== CH.equals) ||
      keywordAt(this.src, at, 'not')
    ) {
      this.pos += this.src.charCodeAt(at) === CH.bang ? 1 : 3;
      this.enter(at);
      const operand = this.unary();
      this.nesting--;
      return { kind: 'not', operand };
    }
    return this.primary(false);
  }

  /**
   * A primary expression. `restricted` is Velocity's "Parameter" production (method arguments, list and map
   * elements, directive arguments): no parentheses and no operators.
   */
  private primary(restricted: boolean): Expr {
    const src = this.src;
    this.skipSpace();
    const at = this.pos;
    const c = src.charCodeAt(at);
    if (c === CH.dquote || c === CH.squote) return this.stringLiteral();
    if (c === CH.dollar) {
      const ref = this.tryReference(at);
      if (ref === null) this.fail('Expected a reference after "$"', at);
      return ref;
    }
    const num = isDigit(c) || c === CH.minus || c === CH.dot ? scanNumber(src, at) : null;
    if (num !== null) {
      this.pos = num.end;
      const value: Value = num.isFloat ? new JDouble(Number(num.text)) : parseIntegerText(num.text);
      return { kind: 'const', value };
    }
    if (c === CH.lbracket) {
      this.enter(at);
      const e = this.listOrRange();
      this.nesting--;
      return e;
    }
    if (c === CH.lbrace) {
      this.enter(at);
      const e = this.mapLiteral();
      this.nesting--;
      return e;
    }
    if (c === CH.lparen && !restricted) {
      this.enter(at);
      this.pos++;
      const e = this.expression();
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== CH.rparen) this.fail('Expected ")"', this.pos);
      this.pos++;
      this.nesting--;
      return e;
    }
    if (this.eatKeyword('true')) return { kind: 'const', value: true };
    if (this.eatKeyword('false')) return { kind: 'const', value: false };
    if (this.eatKeyword('null')) return { kind: 'const', value: null };
    if (Number.isNaN(c)) this.fail('Unexpected end of template in an expression', at);
    return this.fail(`Unexpected "${src[at]}" in an expression`, at);
  }

  private stringLiteral(): Expr {
    const at = this.pos;
    const tok = scanString(this.src, at);
    if (tok === null) this.fail('Unterminated string literal', at);
    this.pos = tok.end;
    if (tok.quote === "'") return { kind: 'const', value: tok.raw };
    const content = unescapeUnicode(tok.raw);
    if (!content.includes('$') && !content.includes('#')) return { kind: 'const', value: content };
    const sub = new TemplateParser(content, this.offset + at + 1, this.starts, this.macros, this.depth + 1);
    return { kind: 'interpolated', nodes: sub.parseTopLevel() };
  }

  private rangeBound(): Expr | null {
    const src = this.src;
    if (src.charCodeAt(this.pos) === CH.dollar) return this.tryReference(this.pos);
    const num = scanNumber(src, this.pos);
    if (num === null || num.isFloat) return null;
    this.pos = num.end;
    return { kind: 'const', value: parseIntegerText(num.text) };
  }

  private listOrRange(): Expr {
    const src = this.src;
    const open = this.pos;
    this.pos++;
    this.skipSpace();
    const save = this.pos;
    const from = this.rangeBound();
    if (from !== null) {
      this.skipSpace();
      if (this.eat('..')) {
        this.skipSpace();
        const to = this.rangeBound();
        if (to === null) this.fail('Expected an integer or reference after ".." in a range', this.pos);
        this.skipSpace();
        if (src.charCodeAt(this.pos) !== CH.rbracket) this.fail('Expected "]" to close the range', open);
        this.pos++;
        return { kind: 'range', from, to, pos: this.offset + open };
      }
    }
    this.pos = save;
    const items: Expr[] = [];
    if (src.charCodeAt(this.pos) === CH.rbracket) {
      this.pos++;
      return { kind: 'list', items };
    }
    for (;;) {
      items.push(this.primary(true));
      this.skipSpace();
      const c = src.charCodeAt(this.pos);
      this.pos++;
      if (c === CH.rbracket) return { kind: 'list', items };
      if (c !== CH.comma) this.fail('Expected "," or "]" in a list', this.pos - 1);
    }
  }

  private mapLiteral(): Expr {
    const src = this.src;
    this.pos++;
    this.skipSpace();
    const entries: Array<[Expr, Expr]> = [];
    if (src.charCodeAt(this.pos) === CH.rbrace) {
      this.pos++;
      return { kind: 'map', entries };
    }
    for (;;) {
      const key = this.primary(true);
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== CH.colon) this.fail('Expected ":" after a map key', this.pos);
      this.pos++;
      const value = this.primary(true);
      entries.push([key, value]);
      this.skipSpace();
      const c = src.charCodeAt(this.pos);
      this.pos++;
      if (c === CH.rbrace) return { kind: 'map', entries };
      if (c !== CH.comma) this.fail('Expected "," or "}" in a map', this.pos - 1);
    }
  }
}

/**
 * Compiles a mapping template. Throws VtlSyntaxError (with line and column) when it does not parse, or when it is
 * larger than AWS's 300 KB limit.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_TEMPLATE_BYTES) {
    throw new VtlSyntaxError(
      `Template is ${bytes} bytes; mapping templates are limited to 300 KB (${MAX_TEMPLATE_BYTES} bytes)`,
      1,
      1,
    );
  }
  const starts = lineStarts(source);
  const macros = new Map<string, MacroDefinition>();
  try {
    const nodes = new TemplateParser(source, 0, starts, macros, 0).parseTopLevel();
    return { source, nodes, macros, lineStarts: starts };
  } catch (e) {
    if (e instanceof VtlSyntaxError) throw e;
    // Only reachable through a parser bug or an exhausted stack: still a clean refusal of the template.
    throw new VtlSyntaxError(`Template could not be parsed (${e instanceof Error ? e.message : String(e)})`, 1, 1);
  }
}
