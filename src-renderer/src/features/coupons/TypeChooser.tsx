import { useTranslation } from 'react-i18next';
import type { TemplateType } from '../../../../src-shared/contract/coupons';
import { TEMPLATE_TYPES } from './rule-summary';
import styles from './CouponsPage.module.css';

interface TypeChooserProps {
  value?: TemplateType;
  onChange?: (type: TemplateType) => void;
  /** Codes are out: the type can no longer change. */
  disabled?: boolean;
}

/** Six large choices, each with an example, so the right type is picked at a glance. */
export function TypeChooser({ value, onChange, disabled }: TypeChooserProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.typeChooser} role="radiogroup" aria-label={t('coupons.form.type')}>
      {TEMPLATE_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          role="radio"
          aria-checked={value === type}
          disabled={disabled && value !== type}
          className={value === type ? styles.typeChosen : styles.typeOption}
          onClick={() => !disabled && onChange?.(type)}
        >
          <span className={styles.typeName}>{t(`coupons.types.${type}`)}</span>
          <span className={styles.typeExample}>{t(`coupons.typeExamples.${type}`)}</span>
        </button>
      ))}
    </div>
  );
}
