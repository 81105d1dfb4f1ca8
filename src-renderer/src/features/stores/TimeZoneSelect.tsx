import { Select } from 'antd';
import { useMemo } from 'react';

interface TimeZoneSelectProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

/** Every IANA time zone the browser knows, searchable; Asia/Shanghai first. */
export function TimeZoneSelect(props: TimeZoneSelectProps) {
  const options = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    const first = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];
    return [...first, ...zones.filter((zone) => !first.includes(zone))].map((zone) => ({
      value: zone,
      label: zone,
    }));
  }, []);
  return <Select {...props} options={options} showSearch />;
}
