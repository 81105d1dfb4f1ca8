import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES } from '../../../../src-shared/contract/printing';
import { useErrorText } from '../../i18n/error-text';
import { useLogo, useSetLogo } from './printing-queries';
import { LogoRaster } from './slip-preview/SlipPreview';
import { useSlipLogo } from './use-slip-logo';
import styles from './PrintersPage.module.css';

/** "data:…;base64,XXXX" → "XXXX". */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** The logo at the top of every slip: upload a PNG, see the dots the printer will print. */
export function LogoCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const logo = useLogo();
  const setLogo = useSetLogo();
  // As it prints on 58 mm paper (80 mm paper prints it wider only if the picture is that wide).
  const raster = useSlipLogo(58);

  const save = async (pngBase64: string | null) => {
    try {
      await setLogo.mutateAsync({ pngBase64 });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const upload = async (file: File) => {
    if (file.type !== 'image/png') return message.error(t('printing.logoNotPng'));
    if (file.size > LOGO_MAX_BYTES)
      return message.error(t('errors.LOGO_TOO_LARGE', { maxKb: LOGO_MAX_BYTES / 1024 }));
    await save(await base64Of(file));
  };

  const png = logo.data?.pngBase64;
  return (
    <Card title={t('printing.logoTitle')} size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('printing.logoHelp')}</Typography.Text>
        {png ? (
          <div className={styles.logoBox}>
            {raster && <LogoRaster logo={raster} />}
            <Typography.Text type="secondary">
              {t('printing.logoSize', { width: logo.data?.width, height: logo.data?.height })}
            </Typography.Text>
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('printing.noLogo')} />
        )}
        {canEdit && (
          <Space>
            <Upload
              accept="image/png"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={setLogo.isPending}>
                {png ? t('printing.logoReplace') : t('printing.logoUpload')}
              </Button>
            </Upload>
            {png && (
              <Button danger icon={<DeleteOutlined />} onClick={() => void save(null)}>
                {t('printing.logoRemove')}
              </Button>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
