import { useTranslation } from 'react-i18next';

/** The name form's texts when it names an organization (creating and renaming alike). */
export function useOrganizationNameTexts() {
  const { t } = useTranslation();
  return { label: t('organizations.name'), required: t('organizations.nameRequired'), conflictTitle: t('organizations.conflictTitle') };
}
