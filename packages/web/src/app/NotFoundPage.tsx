import { useTranslation } from 'react-i18next';
import { NotFoundState } from '../components/NotFoundState';
import { paths } from './paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <NotFoundState
      title={t('notFound.title')}
      body={t('notFound.body')}
      back={{ to: paths.customers, label: t('notFound.home') }}
    />
  );
}
