import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Logo } from '../components/Logo.tsx';
import { setLocale } from '../i18n/index.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { apiError, applyFieldErrors } from '../lib/api-error.ts';
import { useTRPC } from '../lib/trpc.ts';

const DEMO_PASSWORD = 'ctp-demo-2026';

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const info = useQuery(trpc.system.info.queryOptions());

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (me) => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), me);
        const next = params.get('next');
        navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
        if (err.code === 'INTERNAL') message.error(err.message);
      },
    }),
  );

  return (
    <div className="ctp-login">
      <section className="ctp-login-hero">
        <Space size={14} align="center">
          <Logo size={44} />
          <div>
            <div className="ctp-login-title">{t('app.fullName')}</div>
            <div className="ctp-login-tagline">{t('app.tagline')}</div>
          </div>
        </Space>
        <ul className="ctp-login-features">
          <li>{t('login.features.pool')}</li>
          <li>{t('login.features.ethics')}</li>
          <li>{t('login.features.monitor')}</li>
        </ul>
        <div className="ctp-login-footnote">{t('app.footer')}</div>
      </section>
      <section className="ctp-login-panel">
        <div className="ctp-login-lang">
          <Button
            type="link"
            onClick={() => void setLocale(i18n.language === 'en' ? 'zh-CN' : 'en')}
            data-testid="locale-switch"
          >
            {t('nav.language')}
          </Button>
        </div>
        <Card className="ctp-login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => {
              setError(null);
              login.mutate(values);
            }}
            onValuesChange={() => setError(null)}
          >
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, message: t('login.emailRequired') }]}
            >
              <Input prefix={<MailOutlined />} autoComplete="username" size="large" data-testid="login-email" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('login.securityNote')}
          </Typography.Paragraph>
        </Card>
        {info.data && info.data.demoAccounts.length > 0 && (
          <Card size="small" className="ctp-login-demo" title={t('login.demoTitle')} variant="borderless">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('login.demoHint', { password: DEMO_PASSWORD })}
            </Typography.Paragraph>
            <div className="ctp-demo-grid">
              {info.data.demoAccounts.map((a) => (
                <button
                  key={a.email}
                  type="button"
                  className="ctp-demo-account"
                  onClick={() => form.setFieldsValue({ email: a.email, password: DEMO_PASSWORD })}
                >
                  <Tag color="blue" variant="filled">
                    {t(`roles.${a.role}`)}
                  </Tag>
                  <span>{a.email}</span>
                </button>
              ))}
            </div>
          </Card>
        )}
      </section>
    </div>
  );
}
