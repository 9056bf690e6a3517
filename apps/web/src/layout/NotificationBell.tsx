import { BellOutlined } from '@ant-design/icons';
import type { AppRouter } from '@ctp/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loadPageMessages } from '../i18n/index.ts';
import { beijingTime } from '../lib/beijing-time.ts';
import { useTRPC } from '../lib/trpc.ts';

type Notification = inferRouterOutputs<AppRouter>['notifications']['list']['items'][number];

/** The localised sentence of a notification, from its kind and the params the server stored with it. */
export function notificationText(n: Pick<Notification, 'kind' | 'params'>, t: TFunction, en: boolean): string {
  const p = n.params;
  const trial = String((en && p.trialEn) || p.trial || '');
  const hospital = String((en && p.hospitalEn) || p.hospital || '');
  const key =
    n.kind === 'inquiry_answered' ? (Number(p.interested) ? 'inquiry_answered_yes' : 'inquiry_answered_no') : n.kind;
  return t(`trials.notifications.kinds.${key}`, {
    ...p,
    trial,
    hospital,
    step: p.step ? t(`trials.steps.${p.step}`) : '',
  });
}

/** 通知中心: a bell with the unread count in the header; polled every minute. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [messagesLoaded, setMessagesLoaded] = useState(false);
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 30 }), refetchInterval: 60_000 });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  // Built once the trials catalogue (its sentences) has loaded, on the first opening: not in the frame's first load.
  // Never empty: antd's Popover neither opens nor reports the click when it has no content.
  const content = !messagesLoaded ? (
    <span />
  ) : (
    <div className="ctp-notifications" data-testid="notifications">
      <div className="ctp-notifications-head">
        <Typography.Text strong>{t('trials.notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={!unread}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({})}
          data-testid="notifications-read-all"
        >
          {t('trials.notifications.markAll')}
        </Button>
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trials.notifications.empty')} />
      ) : (
        <div className="ctp-notifications-list">
          {items.map((n) => (
            <button
              type="button"
              key={n.id}
              className={n.readAt ? 'ctp-notification' : 'ctp-notification ctp-notification-unread'}
              onClick={() => {
                if (!n.readAt) markRead.mutate({ ids: [n.id] });
                setOpen(false);
                if (n.link) navigate(n.link);
              }}
              data-testid="notification"
            >
              <div>{notificationText(n, t, en)}</div>
              <Typography.Text type="secondary" className="ctp-muted-inline">
                {beijingTime(n.createdAt)}
              </Typography.Text>
            </button>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        if (next)
          void loadPageMessages(['trials']).then(() => {
            setMessagesLoaded(true);
            setOpen(true);
          });
        else setOpen(false);
        // Opening the centre shows what is new now, not at the last minute's poll.
        if (next) void list.refetch();
      }}
      arrow={false}
    >
      <Button
        type="text"
        className="ctp-header-button"
        aria-label={t('nav.notifications')}
        data-testid="notification-bell"
      >
        <Badge count={unread} size="small" offset={[2, -2]}>
          <BellOutlined style={{ color: 'inherit', fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
