/**
 * Which 6-digit PINs are too easy to guess: the ones a person behind the counter would try
 * first. A PIN is weak when
 * - its digits step evenly, wrapping past 9 (000000, 123456, 654321, 890123, 135791, 024680);
 * - it is numbers counting evenly, written one after another (246810, 101112, 102030, 112233);
 * - it repeats a block of 1–3 digits (121212, 123123) or uses at most two different digits
 *   (111222, 777888).
 * A birthday as YYMMDD (900215) passes unless it is one of these.
 */
export function isWeakPin(pin: string): boolean {
  if (!/^\d{6}$/.test(pin)) return false;
  const digits = [...pin].map(Number);
  if (new Set(digits).size <= 2) return true;
  const step = (digits[1]! - digits[0]! + 10) % 10;
  if (digits.every((d, i) => i === 0 || (d - digits[i - 1]! + 10) % 10 === step)) return true;
  for (const period of [2, 3]) if ([...pin].every((c, i) => c === pin[i % period])) return true;
  return countsEvenly(pin);
}

/** Whether the text splits into 3 or more numbers (no leading zeros) with one common difference. */
function countsEvenly(text: string): boolean {
  const extend = (rest: string, previous: number, difference: number, count: number): boolean => {
    if (rest === '') return count >= 3;
    const next = previous + difference;
    if (next < 0) return false;
    const written = String(next);
    return (
      rest.startsWith(written) && extend(rest.slice(written.length), next, difference, count + 1)
    );
  };
  for (let firstLength = 1; firstLength <= 2; firstLength++) {
    const first = text.slice(0, firstLength);
    if (first.length > 1 && first.startsWith('0')) continue;
    for (let secondLength = 1; secondLength <= 2; secondLength++) {
      const second = text.slice(firstLength, firstLength + secondLength);
      if (second.length > 1 && second.startsWith('0')) continue;
      const difference = Number(second) - Number(first);
      if (extend(text.slice(firstLength + secondLength), Number(second), difference, 2))
        return true;
    }
  }
  return false;
}
