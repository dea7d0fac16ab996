import { ActionIcon, Menu } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowDown, IconArrowUp, IconDots, IconPencil, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface FieldActionsMenuProps {
  label: string;
  archived: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onManagePermissions: () => void;
  onEdit: () => void;
  /** -1 up, +1 down: the keyboard- and screen-reader-friendly way to reorder, beside dragging. */
  onMove: (offset: -1 | 1) => void;
  onSetArchived: (archived: boolean) => void;
}

export function FieldActionsMenu(props: FieldActionsMenuProps) {
  const { t } = useTranslation();
  const { label, archived, canMoveUp, canMoveDown, onManagePermissions, onEdit, onMove, onSetArchived } = props;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('detailFields.actionsFor', { label })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconShieldLock size={16} aria-hidden />} onClick={onManagePermissions}>
          {t('detailFields.managePermissions')}
        </Menu.Item>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          {t('detailFields.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowUp size={16} aria-hidden />} disabled={!canMoveUp} onClick={() => onMove(-1)}>
          {t('detailFields.moveUp')}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowDown size={16} aria-hidden />} disabled={!canMoveDown} onClick={() => onMove(1)}>
          {t('detailFields.moveDown')}
        </Menu.Item>
        <Menu.Divider />
        {archived ? (
          <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => onSetArchived(false)}>
            {t('detailFields.restore')}
          </Menu.Item>
        ) : (
          <Menu.Item color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => onSetArchived(true)}>
            {t('detailFields.archive')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
