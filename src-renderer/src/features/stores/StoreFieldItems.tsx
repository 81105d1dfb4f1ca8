import { Col, Collapse, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { storeFieldsSchema } from '../../../../src-shared/contract/stores';
import { COORD_SYSTEMS } from '../../../../src-shared/geo/coordinates';
import { blankToNull, blankToUndefined } from '../../forms/blank';
import { useZodRule } from '../../forms/use-zod-rule';
import { RegionCascader } from './RegionCascader';
import { TimeZoneSelect } from './TimeZoneSelect';

const fields = storeFieldsSchema.shape;

interface StoreFieldItemsProps {
  /** Where the store sits in the form values: ['store'] in the wizard, [] on the stores page. */
  prefix?: string[];
  /** The wizard leaves the code to the app (S01). */
  showCode?: boolean;
}

/** The store's form fields, shared by the first-run wizard and the stores page. */
export function StoreFieldItems({ prefix = [], showCode = false }: StoreFieldItemsProps) {
  const { t } = useTranslation();
  const rule = useZodRule();
  const name = (field: string) => [...prefix, field];
  return (
    <>
      <Row gutter={16}>
        <Col span={showCode ? 16 : 24}>
          <Form.Item name={name('name')} label={t('storeFields.name')} rules={[rule(fields.name)]}>
            <Input placeholder={t('storeFields.namePlaceholder')} maxLength={40} />
          </Form.Item>
        </Col>
        {showCode && (
          <Col span={8}>
            <Form.Item
              name={name('code')}
              label={t('storeFields.code')}
              tooltip={t('storeFields.codeHelp')}
              rules={[rule(fields.code, { toInput: blankToUndefined })]}
            >
              <Input maxLength={8} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item
        name={name('districtCode')}
        label={t('storeFields.region')}
        rules={[rule(fields.districtCode)]}
      >
        <RegionCascader />
      </Form.Item>
      <Form.Item
        name={name('address')}
        label={t('storeFields.address')}
        rules={[rule(fields.address)]}
      >
        <Input placeholder={t('storeFields.addressPlaceholder')} maxLength={120} />
      </Form.Item>
      {/* Coordinates, 商圈 and the time zone are rarely touched: folded, still part of the form. */}
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'advanced',
            label: t('storeFields.advanced'),
            forceRender: true,
            children: (
              <Row gutter={16}>
                <Col span={24}>
                  <Form.Item
                    name={name('businessDistrict')}
                    label={t('storeFields.businessDistrict')}
                    tooltip={t('storeFields.businessDistrictHelp')}
                    rules={[rule(fields.businessDistrict, { toInput: blankToNull })]}
                  >
                    <Input
                      placeholder={t('storeFields.businessDistrictPlaceholder')}
                      maxLength={40}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label={t('storeFields.location')} style={{ marginBottom: 0 }}>
                    <Row gutter={8}>
                      <Col span={12}>
                        <Form.Item
                          name={name('lat')}
                          rules={[rule(fields.lat, { toInput: blankToNull })]}
                        >
                          <InputNumber
                            placeholder={t('storeFields.latitude')}
                            aria-label={t('storeFields.latitude')}
                            min={-90}
                            max={90}
                            step={0.000001}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item
                          name={name('lng')}
                          rules={[rule(fields.lng, { toInput: blankToNull })]}
                        >
                          <InputNumber
                            placeholder={t('storeFields.longitude')}
                            aria-label={t('storeFields.longitude')}
                            min={-180}
                            max={180}
                            step={0.000001}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name={name('coordSystem')}
                    label={t('storeFields.coordSystem')}
                    tooltip={t('storeFields.coordSystemHelp')}
                  >
                    <Select
                      aria-label={t('storeFields.coordSystem')}
                      options={COORD_SYSTEMS.map((system) => ({
                        value: system,
                        label: t(`storeFields.coordSystems.${system}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name={name('timezone')}
                    label={t('storeFields.timezone')}
                    tooltip={t('storeFields.timezoneHelp')}
                    rules={[rule(fields.timezone)]}
                  >
                    <TimeZoneSelect />
                  </Form.Item>
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </>
  );
}
