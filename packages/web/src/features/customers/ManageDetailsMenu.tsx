import { Menu } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';

/** The "Manage details" menu around its button (`target`), open at first when `defaultOpened`; loaded after the list (DeferredControl). */
export function ManageDetailsMenu({ target, defaultOpened }: { target: ReactElement; defaultOpened: boolean }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" defaultOpened={defaultOpened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={paths.detailFields} leftSection={<IconListDetails size={16} aria-hidden />}>
          {t('detailFields.manage')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
