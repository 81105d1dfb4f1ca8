import { regionTree } from '../regions';

// Names of provinces and cities by their six-digit code, for the region charts. The placeholder
// city of a municipality (北京市 → 市辖区) is named after the municipality itself.

let names: Map<string, string> | undefined;

export function regionName(code: string): string {
  if (!names) {
    names = new Map();
    for (const province of regionTree) {
      names.set(province.value, province.label);
      for (const city of province.children ?? [])
        names.set(city.value, /^(市辖区|县)$/.test(city.label) ? province.label : city.label);
    }
  }
  return names.get(code) ?? code;
}
