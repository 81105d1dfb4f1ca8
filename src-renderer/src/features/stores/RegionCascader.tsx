import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionTree, resolveDistrict } from '../../../../src-shared/regions';

type RegionPath = string[];

/** The cascader path of a district code: 320102 → [320000, 320100, 320102]. */
function pathOf(districtCode: string | undefined): RegionPath | undefined {
  const region = districtCode ? resolveDistrict(districtCode) : null;
  return region ? [region.province.code, region.city.code, region.district.code] : undefined;
}

interface RegionCascaderProps {
  /** A GB/T 2260 district code; the form stores only that. */
  value?: string;
  onChange?: (districtCode: string | undefined) => void;
  id?: string;
}

/** Province / city / district (GB/T 2260), searchable by name. */
export function RegionCascader({ value, onChange, id }: RegionCascaderProps) {
  const { t } = useTranslation();
  return (
    <Cascader
      id={id}
      options={regionTree}
      value={pathOf(value)}
      onChange={(path: RegionPath | undefined) => onChange?.(path?.at(-1))}
      placeholder={t('storeFields.regionPlaceholder')}
      showSearch
      expandTrigger="hover"
      allowClear
    />
  );
}
