import {
  CHECKLIST_ANSWERS,
  LOCAL_CHECKLIST_ITEMS,
  OBJECTION_CATEGORIES,
  RECOGNITION_OUTCOMES,
  type RecognitionOutcome,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DueDateMoved } from '../../components/DueDateMoved.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingDate, beijingTime } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DueCell } from '../ethics/ethics-ui.tsx';
import { pick } from '../trials/site-ui.tsx';
import { downloadBase64, type RecognitionDetail, RecognitionStateTag } from './recognition-ui.tsx';
import { SiteEffectiveVersions } from './SiteEffectiveVersions.tsx';

type Dialog = 'request_action' | 'respond' | 'decide' | 'objection' | 'resolve' | 'object_ack' | null;

/** One recognition request: the lead EC's decision, the local packet and checklist, the EC's steps, objections, acks. */
export default function RecognitionRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.recognition.requests.get.queryOptions({ id }));
  if (query.isLoading) return <Card loading />;
  if (query.error || !query.data)
    return (
      <Result
        status="404"
        title={t('recognition.request.notFound')}
        subTitle={query.error ? apiError(query.error, t('common.networkError')).message : undefined}
        extra={<Link to="/recognition">{t('recognition.request.back')}</Link>}
      />
    );
  return <RequestView r={query.data} />;
}

function RequestView({ r }: { r: RecognitionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [packetForm] = Form.useForm();
  const [checklistForm] = Form.useForm();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.recognition.pathKey() }),
      // A recognition or an acknowledgement moves the site's effective versions.
      queryClient.invalidateQueries({ queryKey: trpc.submissions.effectiveDocuments.pathKey() }),
    ]);
  const handlers = {
    onSuccess: async () => {
      message.success(t('recognition.request.done'));
      setDialog(null);
      setError(null);
      form.resetFields();
      await invalidate();
    },
    onError: (e: unknown) => {
      const err = apiError(e, t('common.networkError'));
      applyFieldErrors(form, err);
      setError(err.message);
      message.error(err.message);
    },
  };
  const submitPacket = useMutation(trpc.recognition.requests.submitPacket.mutationOptions(handlers));
  const accept = useMutation(trpc.recognition.requests.accept.mutationOptions(handlers));
  const saveChecklist = useMutation(trpc.recognition.requests.saveChecklist.mutationOptions(handlers));
  const requestAction = useMutation(trpc.recognition.requests.requestAction.mutationOptions(handlers));
  const respond = useMutation(trpc.recognition.requests.respond.mutationOptions(handlers));
  const decide = useMutation(trpc.recognition.requests.decide.mutationOptions(handlers));
  const raise = useMutation(trpc.recognition.objections.raise.mutationOptions(handlers));
  const resolve = useMutation(trpc.recognition.objections.resolve.mutationOptions(handlers));
  const ackAct = useMutation(trpc.recognition.acks.act.mutationOptions(handlers));
  const letter = useMutation({
    mutationFn: () => queryClient.fetchQuery(trpc.recognition.requests.letter.queryOptions({ id: r.id })),
    onSuccess: (l) => downloadBase64(l.fileName, l.base64),
    onError: handlers.onError,
  });
  const outcome = Form.useWatch('outcome', form) as RecognitionOutcome | undefined;
  const base = { id: r.id, version: r.version };
  const can = (step: string) => r.availableSteps.includes(step as never);
  const packet = r.packet as Record<string, string | number | null>;
  const required = [{ required: true, whitespace: true, message: t('recognition.request.required') }];
  const lead = r.leadDecision;

  const onDialogOk = async () => {
    const v = await form.validateFields();
    setError(null);
    if (dialog === 'request_action') requestAction.mutate({ ...base, questions: v.text });
    if (dialog === 'respond') respond.mutate({ ...base, answer: v.text });
    if (dialog === 'decide')
      decide.mutate({
        ...base,
        outcome: v.outcome,
        conditions: v.conditions || undefined,
        reasons: v.reasons || undefined,
      });
    if (dialog === 'objection') raise.mutate({ requestId: r.id, category: v.category, text: v.text });
    if (dialog === 'resolve' && target) resolve.mutate({ id: target, resolution: v.text });
    if (dialog === 'object_ack' && target) ackAct.mutate({ id: target, acknowledge: false, note: v.text });
  };

  return (
    <>
      <PageHeader
        title={pick(en, r.trialTitle, r.trialTitleEn)}
        subtitle={`${pick(en, r.hospitalName, r.hospitalNameEn)} · ${pick(en, r.committeeName, r.committeeNameEn)}`}
        extra={<Link to="/recognition">{t('recognition.request.back')}</Link>}
      />
      <Card data-testid="recognition-header" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <RecognitionStateTag state={r.state} outcome={r.outcome} />
          <Typography.Text type="secondary">
            {t('recognition.request.agreement')}
            {t('punct.colon')}
            {pick(en, r.agreementName, r.agreementNameEn)}
          </Typography.Text>
          {r.letterNo && (
            <>
              <Typography.Text>
                {t('recognition.request.letterNo')}
                {t('punct.colon')}
                <span className="ctp-mono" data-testid="letter-no">
                  {r.letterNo}
                </span>
              </Typography.Text>
              <Button size="small" onClick={() => letter.mutate()} data-testid="recognition-letter">
                {t('recognition.request.letter')}
              </Button>
              <Button
                size="small"
                type="link"
                href={`/api/files/recognition-letters/${encodeURIComponent(r.id)}`}
                target="_blank"
                data-testid="recognition-letter-view"
              >
                {t('recognition.request.letterView')}
              </Button>
            </>
          )}
          {r.fallbackSubmissionId && (
            <Typography.Text data-testid="fallback">
              {t('recognition.request.fallback')} ·{' '}
              <Link to={`/ethics/submissions/${r.fallbackSubmissionId}`} data-testid="fallback-link">
                {t('recognition.request.fallbackLink')}
              </Link>
            </Typography.Text>
          )}
        </Space>
        {(r.conditions || r.reasons) && (
          <Alert
            style={{ marginTop: 12 }}
            type={r.reasons ? 'warning' : 'info'}
            title={
              <>
                {r.conditions ? t('recognition.request.conditions') : t('recognition.request.reasons')}
                {t('punct.colon')}
                <UserText text={r.conditions ?? r.reasons} />
              </>
            }
          />
        )}
        <Space style={{ marginTop: 12 }} wrap>
          {can('accept') && (
            <Button
              type="primary"
              data-testid="step-accept"
              loading={accept.isPending}
              onClick={() => accept.mutate(base)}
            >
              {t('recognition.request.accept')}
            </Button>
          )}
          {can('request_action') && (
            <Button data-testid="step-request-action" onClick={() => setDialog('request_action')}>
              {t('recognition.request.requestAction')}
            </Button>
          )}
          {can('respond') && (
            <Button type="primary" data-testid="step-respond" onClick={() => setDialog('respond')}>
              {t('recognition.request.respond')}
            </Button>
          )}
          {can('decide') && (
            <Button type="primary" data-testid="step-decide" onClick={() => setDialog('decide')}>
              {t('recognition.request.decide')}
            </Button>
          )}
          {r.canObject && (
            <Button danger data-testid="raise-objection" onClick={() => setDialog('objection')}>
              {t('recognition.request.raiseObjection')}
            </Button>
          )}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('recognition.request.packet')} style={{ marginBottom: 16 }} data-testid="packet">
            {can('submit_packet') ? (
              <Form
                form={packetForm}
                layout="vertical"
                initialValues={{ ...packet, piCurrentLoad: packet.piCurrentLoad ?? 0 }}
                onFinish={(v) => submitPacket.mutate({ ...base, ...v })}
              >
                <Alert type="info" showIcon title={t('recognition.request.prefilled')} style={{ marginBottom: 12 }} />
                <Form.Item name="piQualification" label={t('recognition.request.piQualification')} rules={required}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="packet-pi" />
                </Form.Item>
                <Form.Item name="piCurrentLoad" label={t('recognition.request.piCurrentLoad')}>
                  <InputNumber min={0} max={200} />
                </Form.Item>
                <Form.Item
                  name="capacityAndEquipment"
                  label={t('recognition.request.capacityAndEquipment')}
                  rules={required}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="packet-capacity" />
                </Form.Item>
                <Form.Item name="localIcfClauses" label={t('recognition.request.localIcfClauses')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="feesAndInsurance" label={t('recognition.request.feesAndInsurance')} rules={required}>
                  <Input.TextArea rows={2} data-testid="packet-fees" />
                </Form.Item>
                <Form.Item name="notes" label={t('recognition.request.notes')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={submitPacket.isPending} data-testid="packet-submit">
                  {t('recognition.request.submitPacket')}
                </Button>
              </Form>
            ) : (
              <Descriptions column={1} size="small" bordered>
                {(
                  [
                    'piQualification',
                    'piCurrentLoad',
                    'capacityAndEquipment',
                    'localIcfClauses',
                    'feesAndInsurance',
                    'notes',
                  ] as const
                ).map((k) => (
                  <Descriptions.Item key={k} label={t(`recognition.request.${k}`)}>
                    <UserText text={String(packet[k] ?? '')} style={{ whiteSpace: 'pre-wrap' }} />
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
          <Card title={t('recognition.checklist.title')} style={{ marginBottom: 16 }} data-testid="checklist">
            <Typography.Paragraph type="secondary">{t('recognition.checklist.help')}</Typography.Paragraph>
            {can('review') ? (
              <Form
                form={checklistForm}
                layout="vertical"
                initialValues={Object.fromEntries(
                  LOCAL_CHECKLIST_ITEMS.map((i) => {
                    const a = r.checklist?.find((c) => c.item === i);
                    return [i, { answer: a?.answer, note: a?.note }];
                  }),
                )}
                onFinish={(v: Record<string, { answer: 'ok' | 'issue' | 'na'; note?: string }>) =>
                  saveChecklist.mutate({
                    ...base,
                    items: LOCAL_CHECKLIST_ITEMS.filter((i) => v[i]?.answer).map((i) => ({
                      item: i,
                      answer: v[i]!.answer,
                      note: v[i]!.note || undefined,
                    })),
                  })
                }
              >
                {LOCAL_CHECKLIST_ITEMS.map((i) => (
                  <Row key={i} gutter={8} align="middle">
                    <Col span={8}>{t(`recognition.checklist.items.${i}`)}</Col>
                    <Col span={8}>
                      <Form.Item
                        name={[i, 'answer']}
                        rules={[{ required: true, message: t('recognition.request.required') }]}
                      >
                        <Radio.Group
                          data-testid={`check-${i}`}
                          options={CHECKLIST_ANSWERS.map((a) => ({
                            value: a,
                            label: t(`recognition.checklist.answers.${a}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[i, 'note']}>
                        <Input placeholder={t('recognition.checklist.note')} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button htmlType="submit" loading={saveChecklist.isPending} data-testid="checklist-save">
                  {t('recognition.checklist.save')}
                </Button>
              </Form>
            ) : r.checklist ? (
              <Descriptions column={1} size="small">
                {r.checklist.map((c) => (
                  <Descriptions.Item key={c.item} label={t(`recognition.checklist.items.${c.item}`)}>
                    <Tag color={c.answer === 'issue' ? 'red' : c.answer === 'ok' ? 'green' : 'default'}>
                      {t(`recognition.checklist.answers.${c.answer}`)}
                    </Tag>
                    {c.note}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card title={t('recognition.request.objections')} style={{ marginBottom: 16 }} data-testid="objections">
            <List
              dataSource={r.objections}
              locale={{ emptyText: t('recognition.request.noObjections') }}
              renderItem={(o) => (
                <List.Item
                  actions={
                    r.canResolveObjections && o.state === 'open'
                      ? [
                          <Button
                            key="resolve"
                            size="small"
                            onClick={() => {
                              setTarget(o.id);
                              setDialog('resolve');
                            }}
                          >
                            {t('recognition.request.resolve')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        <Tag>{t(`recognition.request.categories.${o.category}`)}</Tag>
                        <Tag color={o.state === 'open' ? 'orange' : 'green'}>
                          {t(`recognition.request.objectionStates.${o.state}`)}
                        </Tag>
                      </Space>
                    }
                    description={
                      <>
                        <div>{o.text}</div>
                        {o.resolution && (
                          <Typography.Text type="success">
                            {t('recognition.request.resolution')}
                            {t('punct.colon')}
                            {o.resolution}
                          </Typography.Text>
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('recognition.request.acks')} style={{ marginBottom: 16 }} data-testid="acks">
            <List
              dataSource={r.acks}
              locale={{ emptyText: t('recognition.request.noAcks') }}
              renderItem={(a) => (
                <List.Item
                  data-testid={`ack-${a.id}`}
                  actions={
                    r.canAcknowledge && a.state === 'ack_pending'
                      ? [
                          <Button
                            key="ok"
                            size="small"
                            type="primary"
                            data-testid="ack-acknowledge"
                            onClick={() => ackAct.mutate({ id: a.id, acknowledge: true })}
                          >
                            {t('recognition.request.acknowledge')}
                          </Button>,
                          <Button
                            key="no"
                            size="small"
                            danger
                            onClick={() => {
                              setTarget(a.id);
                              setDialog('object_ack');
                            }}
                          >
                            {t('recognition.request.object')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        <Tag color={a.state === 'ack_pending' ? 'orange' : a.state === 'objected' ? 'red' : 'green'}>
                          {t(`recognition.request.ackStates.${a.state}`)}
                        </Tag>
                        <span>{beijingDate(a.createdAt)}</span>
                      </Space>
                    }
                    description={
                      <>
                        {(a.versions as { kind: string; versionLabel: string; versionDate: string }[]).map((v) => (
                          <Tag key={`${v.kind}-${v.versionLabel}`}>
                            {t(`documents.kinds.${v.kind}`, { defaultValue: v.kind })} {v.versionLabel} ({v.versionDate}
                            )
                          </Tag>
                        ))}
                        {a.note && <div>{a.note}</div>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('recognition.request.clock')} style={{ marginBottom: 16 }} data-testid="recognition-clock">
            <DueCell clock={r.clock} />
          </Card>
          <SiteEffectiveVersions
            trialSiteId={r.trialSiteId}
            icfSuperseded={r.icfSuperseded}
            leadIcfLabel={lead.approvedVersions.find((v) => v.kind === 'icf')?.versionLabel ?? null}
          />
          <Card title={t('recognition.request.leadTitle')} style={{ marginBottom: 16 }} data-testid="lead-decision">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('recognition.request.leadCommittee')}>
                {pick(en, lead.committeeName, lead.committeeNameEn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.request.leadOutcome')}>
                {lead.outcome ? t(`ethics.outcomes.${lead.outcome}`) : '—'} {lead.decidedDate ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.request.leadConditions')}>
                <UserText text={lead.conditions} />
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.request.leadLetter')}>
                {lead.letter ? `${lead.letter.letterNo} (${lead.letter.issueDate})` : '—'}
                {lead.letter && r.leadLetterReadable && (
                  <Button
                    size="small"
                    type="link"
                    href={`/api/files/letters/${encodeURIComponent(r.leadSubmissionId)}?download=1`}
                    data-testid="lead-letter-download"
                  >
                    {t('recognition.request.leadLetterDownload')}
                  </Button>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.request.leadOpinions')}>
                {lead.opinions.length
                  ? lead.opinions.map((o) => (
                      <div key={o.at}>
                        <UserText text={o.comment} />
                      </div>
                    ))
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('recognition.request.leadVersions')}>
                {lead.approvedVersions.length
                  ? lead.approvedVersions.map((v) => (
                      <Tag key={`${v.kind}-${v.versionLabel}`}>
                        <a
                          href={`/api/files/documents/${encodeURIComponent(v.documentId)}`}
                          target="_blank"
                          rel="noopener"
                          data-testid={`lead-version-${v.kind}`}
                        >
                          {t(`documents.kinds.${v.kind}`)} {v.versionLabel}
                        </a>
                      </Tag>
                    ))
                  : t('recognition.request.noVersions')}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('recognition.request.leadNote')}
            </Typography.Text>
          </Card>
          <Card title={t('recognition.request.timeline')} data-testid="recognition-timeline">
            <Timeline
              items={r.timeline.map((e) => ({
                children: (
                  <>
                    <div>
                      {t(`recognition.states.${e.toState}`)} ·{' '}
                      {e.byCommittee
                        ? // EC people act under their committee's name outside it (issue 12): the lead EC opened it.
                          e.step === 'open' && lead
                          ? pick(en, lead.committeeName, lead.committeeNameEn)
                          : pick(en, r.committeeName, r.committeeNameEn)
                        : e.actorName
                          ? personName(e.actorName)
                          : e.step === 'due_date_moved'
                            ? t('calendar.system')
                            : '—'}{' '}
                      · {beijingTime(e.at)}
                    </div>
                    {e.comment && (
                      <Typography.Text type="secondary">
                        <UserText text={e.comment} />
                      </Typography.Text>
                    )}
                    <DueDateMoved detail={e.detail} />
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={dialog !== null}
        title={
          dialog === 'decide'
            ? t('recognition.request.decide')
            : dialog === 'objection'
              ? t('recognition.request.raiseObjection')
              : dialog === 'resolve'
                ? t('recognition.request.resolve')
                : dialog === 'respond'
                  ? t('recognition.request.respond')
                  : dialog === 'object_ack'
                    ? t('recognition.request.object')
                    : t('recognition.request.requestAction')
        }
        okText={t('recognition.request.ok')}
        okButtonProps={{ 'data-testid': 'step-ok' } as never}
        onOk={() => void onDialogOk()}
        onCancel={() => {
          setDialog(null);
          setError(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
          {dialog === 'decide' && (
            <>
              <Form.Item
                name="outcome"
                label={t('recognition.request.outcome')}
                rules={[{ required: true, message: t('recognition.request.required') }]}
              >
                <Radio.Group data-testid="decide-outcome">
                  <Space orientation="vertical">
                    {RECOGNITION_OUTCOMES.map((o) => (
                      <Radio key={o} value={o}>
                        {t(`recognition.outcomes.${o}`)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              {outcome === 'recognised_with_conditions' && (
                <Form.Item name="conditions" label={t('recognition.request.conditions')} rules={required}>
                  <Input.TextArea rows={3} data-testid="decide-conditions" />
                </Form.Item>
              )}
              {(outcome === 'declined' || outcome === 'not_approved_locally') && (
                <Form.Item name="reasons" label={t('recognition.request.reasons')} rules={required}>
                  <Input.TextArea rows={3} data-testid="decide-reasons" />
                </Form.Item>
              )}
            </>
          )}
          {dialog === 'objection' && (
            <Form.Item name="category" label={t('recognition.request.category')} rules={required}>
              <Select
                data-testid="objection-category"
                options={OBJECTION_CATEGORIES.map((c) => ({
                  value: c,
                  label: t(`recognition.request.categories.${c}`),
                }))}
              />
            </Form.Item>
          )}
          {dialog !== 'decide' && dialog !== null && (
            <Form.Item
              name="text"
              label={
                dialog === 'objection'
                  ? t('recognition.request.objectionText')
                  : dialog === 'resolve'
                    ? t('recognition.request.resolution')
                    : dialog === 'respond'
                      ? t('recognition.request.answer')
                      : dialog === 'object_ack'
                        ? t('recognition.request.ackNote')
                        : t('recognition.request.questions')
              }
              rules={required}
            >
              <Input.TextArea rows={3} data-testid="dialog-text" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
