import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newPage, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { approveAtLead, multiCentreTrial } from '../helpers/recognition-journey.ts';
import { seedRoster } from '../helpers/roster.ts';
import { callerAs, createSeededDatabase } from '../helpers/test-app.ts';

describe('the recognition board names the lead from the trial’s lead designation, in the browser', () => {
  const env = useBrowserServer({ database: () => createSeededDatabase() });

  it('tags both specialties of the lead hospital 组长单位 and shows the lead approval, not “not yet decided”', async () => {
    const db = env.server.database;
    await seedRoster(db);
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266051' });
    // A second specialty of the lead hospital, first on the trial, whose own review was declined.
    const otherSpecialty = db.sqlite
      .prepare(
        "select id from hospital_specialties where hospital_org_id = 'hosp-jsph' and id <> (select hospital_specialty_id from trial_sites where id = ?) order by id limit 1",
      )
      .pluck()
      .get(sites.jsph) as string;
    const { trialSiteId: declinedSite } = await callerAs(db, 'sponsor@demo.ctp').trialSites.select({
      trialId,
      hospitalSpecialtyId: otherSpecialty,
    });
    db.sqlite.prepare('update trial_sites set created_at = 0 where id = ?').run(declinedSite);
    const { id: declinedSub } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId: declinedSite,
      type: 'initial',
    });
    db.sqlite
      .prepare("update submissions set state = 'decided', outcome = 'disapproved', decided_date = ? where id = ?")
      .run('2026-01-05', declinedSub);
    await approveAtLead(db, leadSubmissionId);
    await callerAs(db, 'ec@demo.ctp').submissions.issueLetter({ id: leadSubmissionId });

    const page = await newPage(env.browser, { viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('main-nav').waitFor();
    await page.goto(`${env.server.url}/trials/${trialId}/recognition`);
    await page.getByTestId('recognition-board').waitFor();
    await page.getByTestId(`board-row-${declinedSite}`).getByText('组长单位').waitFor();
    await page.getByTestId(`board-row-${sites.jsph}`).getByText('组长单位').waitFor();
    await page.getByTestId(`board-row-${sites.njglyy}`).getByText('参与单位').waitFor();
    const summary = (await page.getByTestId('board-summary').textContent()) ?? '';
    expect(summary).not.toContain('尚未作出决定');
    expect(summary).toContain('同意');
    await page.screenshot({ path: `${ARTIFACTS}recognition-board-lead.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
