package be.serv.advies.bench;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.CompanyCooperation;
import be.serv.advies.model.Norm;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PlatformConsultation;
import be.serv.advies.model.Province;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.SimilarText;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Trajectory;
import be.serv.advies.engine.TextComparison;
import be.serv.advies.rules.Thresholds;
import be.serv.advies.model.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped criteria written as one plain Java loop, as docs/input.md and the rules guide state
 * them: a second reading of the criteria that {@link PlainLoopAgreementTest} holds the rule files to
 * on generated batches. It computes each application's verdict from the codes that apply (no texts,
 * no trace).
 */
final class PlainLoop {
    private PlainLoop() {
    }

    static List<Verdict> verdicts(Batch batch, Thresholds thresholds) {
        Map<String, Capacity> capacity = new HashMap<>();
        Map<String, Integer> providersInFlanders = new HashMap<>();
        for (Capacity c : batch.getCapacity()) {
            capacity.put(c.getProvince() + "|" + c.getTrajectory(), c);
            providersInFlanders.merge(c.getTrajectory(), c.getProviders(), Integer::sum);
        }
        Map<String, List<Shortage>> shortages = new HashMap<>();
        for (Shortage s : batch.getShortages()) shortages.computeIfAbsent(s.getTrajectory(), k -> new ArrayList<>()).add(s);
        Map<String, Integer> groupSize = new HashMap<>();
        Map<String, Integer> groupStudents = new HashMap<>();
        for (Application a : batch.getApplications()) {
            groupSize.merge(a.getProvince() + "|" + a.getTrajectory(), 1, Integer::sum);
            groupStudents.merge(a.getProvince() + "|" + a.getTrajectory(), a.getExpectedStudents(), Integer::sum);
        }
        Map<String, SimilarText> similar = TextComparison.mostSimilar(batch);
        List<Verdict> out = new ArrayList<>(batch.getApplications().size());
        for (Application a : batch.getApplications()) {
            Trajectory t = batch.trajectory(a.getTrajectory());
            Partnership p = batch.partnership(t.getPartnership());
            Province prov = a.getProvince();
            Norm n = thresholds.resolve(t.getPartnership(), t.getCode(), prov);
            Capacity c = capacity.get(prov + "|" + t.getCode());
            boolean noAdvice = (!p.isHasPartnership() && t.getAdvisedBy() == null) || !t.isRecognised();
            Integer room = n.getRoomForSchools();
            if (room != null && !n.isSectorChooses() && groupSize.get(prov + "|" + t.getCode()) > room) noAdvice = true;
            boolean negative = a.getInfrastructure() == Sufficiency.ONVOLDOENDE || a.getLearningResources() == Sufficiency.ONVOLDOENDE;
            if (c != null) {
                if (c.getProviders() >= n.getMaxProviders() && c.getStudents() < c.getProviders() * n.getMinStudentsPerProvider()) negative = true;
                if (c.getFreeWorkplaces() - groupStudents.get(prov + "|" + t.getCode()) < n.getMinFreeWorkplaces()) negative = true;
            }
            boolean preference = t.getLevel().isSenSe() || t.isNewOffer()
                    || providersInFlanders.getOrDefault(t.getCode(), 0) <= n.getLimitedOfferProviders();
            boolean remark = a.getExpectedStudents() < n.getMinExpectedStudents() && !preference;
            String sector = t.getPartnership();
            if (c != null && sector.equals("AUTO") && c.getProviders() + 1 >= n.getMaxProviders()) remark = true;
            if (c != null && sector.equals("ELEK") && c.getProviders() > 0
                    && c.getStudents() < c.getProviders() * n.getMinStudentsPerProvider()) remark = true;
            if (sector.equals("GROEN") && a.getPartnerCompaniesOtherSector() > 0) remark = true;
            if (sector.equals("HORECA") && !a.isSectorExperience()) remark = true;
            if (sector.equals("VOEDING") && a.getPartnerCompanies() < n.getMinPartnerCompanies()) remark = true;
            for (Shortage s : shortages.getOrDefault(t.getCode(), List.of())) {
                if (s.covers(a.getLocation())) remark = true;
            }
            // Signals never change the verdict, but the loop computes them like the rules do.
            int signals = 0;
            if (!a.isLabourMarketShown()) signals++;
            if (a.getCompanyCooperation() == CompanyCooperation.ALGEMEEN) signals++;
            if (a.getPartnerCompanies() == 0) signals++;
            if (a.getPlatformConsultation() != PlatformConsultation.AFGESTEMD) signals++;
            SimilarText st = similar.get(a.getId());
            if (st != null && st.getSimilarity() >= n.getSameTextSimilarity()) signals++;
            out.add(noAdvice ? Verdict.NO_ADVICE : negative ? Verdict.NEGATIVE
                    : remark ? Verdict.POSITIVE_WITH_REMARKS : Verdict.POSITIVE);
            if (signals < 0) throw new IllegalStateException("unreachable; keeps the signal work from being optimised away");
        }
        return out;
    }
}
