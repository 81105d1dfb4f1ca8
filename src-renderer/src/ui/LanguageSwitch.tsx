import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { asLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/language';
import { changeLanguage } from '../i18n/setup';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Tooltip title={t('language.label')}>
      <Space size={6}>
        <GlobalOutlined aria-hidden />
        <Segmented
          aria-label={t('language.label')}
          value={asLanguage(i18n.language)}
          onChange={(value) => void changeLanguage(value)}
          options={LANGUAGES.map((language) => ({
            value: language,
            label: LANGUAGE_NAMES[language],
          }))}
        />
      </Space>
    </Tooltip>
  );
}
