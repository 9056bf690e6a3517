import type { TodoGroup, TodoItem } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../lib/trpc.ts';

/** One line of a group: the reference (受理号, hospital, step), the trial and the date, linking to its page. */
function TodoLine({ group, item }: { group: TodoGroup; item: TodoItem }) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === 'en' && item.titleEn ? item.titleEn : item.title;
  // An overdue milestone's reference is the site's next step: shown by its name.
  const ref =
    group.code === 'milestonesOverdue' && item.ref
      ? t(`trials.steps.${item.ref}`)
      : i18n.language === 'en' && item.refEn
        ? item.refEn
        : item.ref;
  return (
    <li>
      <Link to={item.link} data-testid={`todo-item-${group.code}`}>
        {ref ? `${ref} · ` : ''}
        {title}
      </Link>
      {item.date && <Typography.Text type="secondary"> · {item.date}</Typography.Text>}
    </li>
  );
}

/** The to-do list of the 工作台 (issue 14): each group with its count and first items; nothing else to fetch. */
export function TodoCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const todos = useQuery(trpc.home.todos.queryOptions());
  const groups = todos.data ?? [];
  const open = groups.filter((g) => g.count > 0);
  if (!todos.isLoading && groups.length === 0) return null;
  return (
    <Card title={t('home.todo.title')} data-testid="home-todos" style={{ marginBottom: 16 }}>
      {todos.isLoading ? (
        <Skeleton active />
      ) : open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todo.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {open.map((g) => (
            <div key={g.code} data-testid={`todo-${g.code}`}>
              <Badge status={g.code === 'overdueClocks' || g.code === 'milestonesOverdue' ? 'error' : 'processing'} />{' '}
              <Typography.Text strong>{t(`home.todo.${g.code}`, { count: g.count })}</Typography.Text>
              <ul className="ctp-todo-items">
                {g.items.map((item) => (
                  <TodoLine key={item.id} group={g} item={item} />
                ))}
                {g.count > g.items.length && (
                  <li>
                    <Typography.Text type="secondary">
                      {t('home.todo.more', { count: g.count - g.items.length })}
                    </Typography.Text>
                  </li>
                )}
              </ul>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
