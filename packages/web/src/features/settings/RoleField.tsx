import { ROLES, type Role } from '@cp/shared';
import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RoleFieldProps {
  value?: Role;
  onChange?: (role: Role) => void;
  /** Roles offered; the rest are not shown at all. */
  roles?: readonly Role[];
  disabled?: boolean;
  description?: string;
}

/** Two roles read better as radios than as a drop-down. Works with Mantine form's getInputProps. */
export function RoleField({ value, onChange, roles = ROLES, disabled, description }: RoleFieldProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('agents.role')}
      description={description}
      value={value}
      onChange={(next) => onChange?.(next as Role)}
    >
      <Group mt="xs">
        {roles.map((role) => (
          <Radio key={role} value={role} label={t(`roles.${role}`)} disabled={disabled} />
        ))}
      </Group>
    </Radio.Group>
  );
}
