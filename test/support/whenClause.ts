/**
 * VS Code's `when` clauses, evaluated as the workbench does for the parts the manifest uses:
 * `==`, `!=`, `=~ /regex/flags`, `!`, `&&` (binds tighter than `||`), `||`, parentheses, `true`,
 * `false` and a bare key (true when its value is truthy). A key the caller did not set is an
 * error, not "undefined": a test says what every key is (`listMultiSelection: false`), so a clause
 * that starts depending on a new key fails the test instead of quietly evaluating to false. Any
 * other operator (`<`, `in`, …) is an error too, rather than a guess.
 */
export type WhenContext = Readonly<Record<string, string | boolean>>;

type Token =
  | { readonly kind: 'op'; readonly text: '&&' | '||' | '!' | '(' | ')' | '==' | '!=' | '=~' }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'regex'; readonly regex: RegExp };

function tokenize(clause: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < clause.length) {
    const c = clause[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = clause.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '==' || two === '!=' || two === '=~') {
      tokens.push({ kind: 'op', text: two });
      i += 2;
      // A regex literal follows =~.
      if (two === '=~') {
        while (/\s/.test(clause[i] ?? '')) i++;
        if (clause[i] !== '/') throw new Error(`"${clause}": =~ needs a /regex/`);
        let j = i + 1;
        let source = '';
        for (; j < clause.length && clause[j] !== '/'; j++) {
          if (clause[j] === '\\') source += clause[j++];
          source += clause[j];
        }
        if (j >= clause.length) throw new Error(`"${clause}": unterminated regex`);
        const flags = /^[a-z]*/.exec(clause.slice(j + 1))![0];
        tokens.push({ kind: 'regex', regex: new RegExp(source, flags) });
        i = j + 1 + flags.length;
      }
      continue;
    }
    if (c === '!' || c === '(' || c === ')') {
      tokens.push({ kind: 'op', text: c });
      i++;
      continue;
    }
    if (c === "'") {
      const end = clause.indexOf("'", i + 1);
      if (end < 0) throw new Error(`"${clause}": unterminated string`);
      tokens.push({ kind: 'word', text: clause.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const word = /^[^\s!()&|=<>']+/.exec(clause.slice(i));
    if (!word) throw new Error(`"${clause}": unsupported at "${clause.slice(i)}"`);
    if (word[0] === 'in' || word[0] === 'not')
      throw new Error(`"${clause}": the "${word[0]}" operator is not supported`);
    tokens.push({ kind: 'word', text: word[0] });
    i += word[0].length;
  }
  return tokens;
}

/** Whether `clause` holds in `context`. */
export function evaluateWhen(clause: string, context: WhenContext): boolean {
  const tokens = tokenize(clause);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (text: string): boolean => {
    const t = peek();
    return t?.kind === 'op' && t.text === text;
  };
  const value = (key: string): string | boolean => {
    if (!(key in context)) throw new Error(`"${clause}" reads context key "${key}", not set`);
    return context[key];
  };
  const word = (): string => {
    const t = tokens[at++];
    if (t?.kind !== 'word') throw new Error(`"${clause}": expected a key or value`);
    return t.text;
  };

  function primary(): boolean {
    if (isOp('(')) {
      at++;
      const inner = or();
      if (!isOp(')')) throw new Error(`"${clause}": missing )`);
      at++;
      return inner;
    }
    const key = word();
    if (key === 'true') return true;
    if (key === 'false') return false;
    if (isOp('==') || isOp('!=')) {
      const negate = (tokens[at++] as { text: string }).text === '!=';
      const v = value(key);
      const equal = String(v) === word();
      return negate ? !equal : equal;
    }
    if (isOp('=~')) {
      at++;
      const t = tokens[at++];
      if (t?.kind !== 'regex') throw new Error(`"${clause}": expected a regex`);
      const v = value(key);
      return typeof v === 'string' && t.regex.test(v);
    }
    return !!value(key);
  }
  function not(): boolean {
    if (isOp('!')) {
      at++;
      return !not();
    }
    return primary();
  }
  function and(): boolean {
    let result = not();
    while (isOp('&&')) {
      at++;
      // Both sides are evaluated, so an unset key is found whatever the other side says.
      const right = not();
      result = result && right;
    }
    return result;
  }
  function or(): boolean {
    let result = and();
    while (isOp('||')) {
      at++;
      const right = and();
      result = result || right;
    }
    return result;
  }

  const result = or();
  if (at !== tokens.length) throw new Error(`"${clause}": unexpected text after the expression`);
  return result;
}
