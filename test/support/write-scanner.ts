import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Finds every write to a database table in TypeScript source, for the ledger ownership test:
// drizzle calls `.insert(t)`, `.update(t)`, `.delete(t)` on a table of the schema, and SQL in
// string and template literals: INSERT [OR ...] INTO, REPLACE INTO, UPDATE [OR ...], DELETE FROM.
// It reads the syntax tree (typescript's parser, no type checking), so comments never count and
// a table name can be told from `Map.delete(key)`.

export type WriteOp = 'insert' | 'update' | 'delete';

export interface Write {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  op: WriteOp;
  /** The SQL table name; null when the SQL names its table with a `${...}` substitution. */
  table: string | null;
  how: 'drizzle' | 'sql';
  /**
   * The statement's text: for drizzle the whole call chain (`.update(t).set({...}).where(...)`),
   * for SQL the statement up to its `;`.
   */
  text: string;
  /**
   * What an update assigns (drizzle: the `.set(...)` argument; SQL: from SET to WHERE/FROM) and
   * what an insert lists (its columns / values): column rules look for column names here, so a
   * column named only in a WHERE does not count. Empty for deletes.
   */
  assigns: string;
}

/** Drizzle table variables → SQL table names, read from `export const x = sqliteTable('name', ...)`. */
export function readTableNames(files: string[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const file of files) {
    const source = parse(file, fs.readFileSync(file, 'utf8'));
    const visit = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isCallExpression(node.initializer) &&
        /Table$/.test(node.initializer.expression.getText(source)) &&
        node.initializer.arguments[0] &&
        ts.isStringLiteralLike(node.initializer.arguments[0])
      )
        tables.set(node.name.text, node.initializer.arguments[0].text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return tables;
}

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/**
 * An SQL write: the keyword, then the table (optionally `main.` and quoted), or a substitution.
 * `DO UPDATE SET` of an upsert names no table (caught by `set` below).
 */
const SQL_WRITE =
  /\b(insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:(main|temp)\.)?["`[]?(\uE000|[a-z_][a-z0-9_]*)/gi;
/** Stands for a `${...}` of a template literal while its text is searched. */
const HOLE = '\uE000';

interface SqlWrite {
  op: WriteOp;
  table: string | null;
  at: number;
  text: string;
  assigns: string;
}

function sqlWrites(text: string): SqlWrite[] {
  const found: SqlWrite[] = [];
  for (const match of text.matchAll(SQL_WRITE)) {
    const keyword = match[1]!.toLowerCase();
    const name = match[3]!;
    if (name.toLowerCase() === 'set') continue; // ON CONFLICT ... DO UPDATE SET
    if (match[2]?.toLowerCase() === 'temp') continue; // a connection's own scratch table
    const op: WriteOp = keyword.startsWith('delete')
      ? 'delete'
      : keyword.startsWith('update')
        ? 'update'
        : 'insert';
    const end = text.indexOf(';', match.index);
    const statement = text.slice(match.index, end < 0 ? undefined : end);
    const body = statement.slice(match[0].length);
    found.push({
      op,
      table: name === HOLE ? null : name.toLowerCase(),
      at: match.index,
      text: statement,
      assigns:
        op === 'delete'
          ? ''
          : op === 'update'
            ? (/\bset\b([\s\S]*?)(?:\bwhere\b|\bfrom\b|$)/i.exec(body)?.[1] ?? '')
            : body,
    });
  }
  return found;
}

/** Every write in one file's text (`file` is only used for the report). */
export function scanSource(file: string, text: string, tables: Map<string, string>): Write[] {
  const source = parse(file, text);
  const writes: Write[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;

  // `import { redemptions as r }`: the local name stands for the schema's.
  const aliases = new Map<string, string>();
  for (const statement of source.statements)
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings)
      if (ts.isNamedImports(statement.importClause.namedBindings))
        for (const element of statement.importClause.namedBindings.elements)
          if (element.propertyName) aliases.set(element.name.text, element.propertyName.text);
  const tableOf = (node: ts.Expression): string | undefined => {
    const name = ts.isIdentifier(node)
      ? node.text
      : ts.isPropertyAccessExpression(node)
        ? node.name.text // schema.redemptions
        : undefined;
    return name === undefined ? undefined : tables.get(aliases.get(name) ?? name);
  };
  /** The arguments of the chain's `.set(...)` or `.values(...)`. */
  const argumentsOf = (chain: ts.Node, method: string): string => {
    let found = '';
    const look = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === method
      )
        found += node.arguments.map((a) => a.getText(source)).join(', ');
      ts.forEachChild(node, look);
    };
    look(chain);
    return found;
  };
  /** The whole chain a call is part of: `db.update(t).set({...}).where(...).run()`. */
  const chainOf = (node: ts.Node): ts.Node => {
    let top = node;
    while (
      top.parent &&
      ((ts.isPropertyAccessExpression(top.parent) && top.parent.expression === top) ||
        (ts.isCallExpression(top.parent) && top.parent.expression === top))
    )
      top = top.parent;
    return top;
  };

  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['insert', 'update', 'delete'].includes(node.expression.name.text) &&
      node.arguments.length === 1
    ) {
      const table = tableOf(node.arguments[0]!);
      if (table) {
        const op = node.expression.name.text as WriteOp;
        const chain = chainOf(node);
        writes.push({
          file,
          line: lineOf(node.expression.name.getStart(source)),
          op,
          table,
          how: 'drizzle',
          text: chain.getText(source),
          assigns: op === 'delete' ? '' : argumentsOf(chain, op === 'update' ? 'set' : 'values'),
        });
      }
    }
    let literal: { text: string; start: number } | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      literal = { text: node.text, start: node.getStart(source) + 1 };
    else if (ts.isTemplateExpression(node))
      literal = {
        // Substitutions become one character, so positions stay close enough for a line number.
        text: node.head.text + node.templateSpans.map((s) => HOLE + s.literal.text).join(''),
        start: node.getStart(source) + 1,
      };
    if (literal) {
      for (const write of sqlWrites(literal.text)) {
        // Line of the keyword: count the newlines before it in the literal's own text.
        const before = literal.text.slice(0, write.at).split('\n').length - 1;
        writes.push({
          file,
          line: lineOf(literal.start) + before,
          op: write.op,
          table: write.table,
          how: 'sql',
          text: write.text,
          assigns: write.assigns,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return writes;
}

/** Every `.ts` file under a folder, as paths relative to `root`, sorted. */
export function sourceFiles(root: string, folder: string, skip: (relative: string) => boolean) {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (skip(relative)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(relative);
    }
  };
  walk(path.join(root, folder));
  return out.sort();
}

/** Whether a column name (snake_case) shows in a statement, as itself or in camelCase. */
export function mentionsColumn(text: string, column: string): boolean {
  const camel = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return new RegExp(`\\b(${column}|${camel})\\b`).test(text);
}
