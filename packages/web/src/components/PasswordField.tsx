import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's PasswordInput with its reveal button labelled in the UI language.
 * The default label is English-only and contains "password", which makes
 * "the Password field" ambiguous for screen readers and tests alike.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('auth.reveal') }} {...props} />;
}
