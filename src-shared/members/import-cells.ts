// Reading the cells of a member list (an old system's export or a shop's own spreadsheet): which
// column is which, and birthdays, genders, tags and points as people type them. Pure: the
// import's check uses it, and tests pin each spelling.
import type { MemberImportField, MemberImportMapping } from '../contract/member-import';
import { guessColumns } from '../inventory/import-mapping';

/** Header names seen in member lists (lower-cased, no spaces). */
const MEMBER_HEADER_NAMES: Record<MemberImportField, string[]> = {
  phone: [
    'phone',
    'mobile',
    'tel',
    '手机号',
    '手机',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '会员手机',
    '会员手机号',
  ],
  name: ['name', '姓名', '会员姓名', '名字', '称呼', '会员名称', '顾客姓名'],
  birthday: ['birthday', 'birth', 'dob', '生日', '出生日期', '会员生日'],
  gender: ['gender', 'sex', '性别'],
  tags: ['tags', 'tag', '标签', '会员标签', '分组'],
  points: ['points', 'point', '积分', '当前积分', '可用积分', '积分余额', '剩余积分'],
  note: ['note', 'notes', 'remark', 'remarks', 'memo', '备注', '说明'],
};

export const guessMemberMapping = (headers: string[]): MemberImportMapping =>
  guessColumns(headers, MEMBER_HEADER_NAMES);

const daysIn = (month: number, year: number | null) =>
  // February 29 is a birthday whether or not the year is known.
  new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();

/**
 * A birthday cell: 1990-05-12, 1990/5/12, 1990.5.12, 1990年5月12日, 19900512, 05-12, 5/12,
 * 5月12日 (an XLSX date cell reads as 1990-05-12). Null when it is not a real day of a year
 * from 1900 to `latestYear`.
 */
export function parseBirthday(
  text: string,
  latestYear: number,
): { birthday: string; birthYear: number | null } | null {
  const cell = text.trim().replace(/\s+/g, '');
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(cell) ??
    /^()(\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell);
  if (!match) return null;
  const year = match[1] ? Number(match[1]) : null;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year !== null && (year < 1900 || year > latestYear)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { birthday: `${pad(month)}-${pad(day)}`, birthYear: year };
}

const GENDERS: Record<string, 'male' | 'female' | 'unknown'> = {
  男: 'male',
  男士: 'male',
  先生: 'male',
  m: 'male',
  male: 'male',
  女: 'female',
  女士: 'female',
  小姐: 'female',
  f: 'female',
  female: 'female',
  '': 'unknown',
  未知: 'unknown',
  保密: 'unknown',
  unknown: 'unknown',
};

/** A gender cell: 男/女 (and their usual spellings), empty or 未知/保密; null otherwise. */
export const parseGender = (text: string): 'male' | 'female' | 'unknown' | null =>
  GENDERS[text.trim().toLowerCase()] ?? null;

/** A tags cell: separated by ， , ; ； 、 (or |), each trimmed, each once. */
export const splitTags = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,，;；、|]+/)
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

export const MAX_OPENING_POINTS = 10_000_000;

/** An opening points cell: a whole number (1,200 too) up to MAX_OPENING_POINTS; null otherwise. */
export function parsePoints(text: string): number | null {
  const bare = text.trim();
  if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(bare)) return null;
  const points = Number(bare.replace(/,/g, ''));
  return points <= MAX_OPENING_POINTS ? points : null;
}
