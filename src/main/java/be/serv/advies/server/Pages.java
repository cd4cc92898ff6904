package be.serv.advies.server;

import be.serv.advies.explain.Explanation;
import be.serv.advies.model.Application;
import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.output.Templates;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Account;
import be.serv.advies.review.AccountState;
import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.BulkSummary;
import be.serv.advies.review.Comment;
import be.serv.advies.review.Decision;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import be.serv.advies.review.SessionRecord;
import be.serv.advies.review.Status;
import be.serv.advies.rules.Precedence;
import be.serv.advies.model.Verdict;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The pages, in Dutch, rendered from the templates in {@code src/main/jte/server} (which share the
 * report's layout). This class only gathers what a page shows; the templates escape every value.
 */
final class Pages {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Brussels"));

    private Pages() {
    }

    record Login(String csrf, String message, String name, String back, Kept kept) {
    }

    /** What a reviewer had typed when their session had ended: carried through the sign-in, shown again, not stored. */
    record Kept(String advice, String reason, String comment) {
        static Kept of(String advice, String reason, String comment) {
            String a = advice == null ? "" : Limits.cut(advice);
            String r = reason == null ? "" : reason.length() > ReviewStore.MAX_REASON
                    ? reason.substring(0, ReviewStore.MAX_REASON) : reason;
            String c = comment == null ? "" : comment.length() > ReviewStore.MAX_COMMENT
                    ? comment.substring(0, ReviewStore.MAX_COMMENT) : comment;
            return a.isEmpty() && r.isBlank() && c.isBlank() ? null : new Kept(a, r, c);
        }
    }

    /** What a reviewer typed into the override form, given back when it was not stored. */
    record Typed(String advice, String reason) {
    }

    /**
     * A refused write, answered with a redirect to the page at {@code where} (an application's page,
     * the work list, the accounts page…): the message and what was typed (never a password) ride in
     * the session, never in the URL, so a refresh of that page submits nothing.
     */
    record Refusal(String where, String problem, Typed typed, String comment, Decision other, NewUser newUser) {
        static Refusal of(String where, String problem) {
            return new Refusal(where, problem, null, null, null, null);
        }
    }

    record Message(String user, String csrf, String title, String text) {
    }

    record Option(String value, String label) {
    }

    record ListPage(String user, String csrf, String flash, String problem, Drafts.LoadState state, WorkList.Filter filter,
                    List<WorkList.Row> all, List<WorkList.Row> shown, Map<Status, Integer> counts, Map<Status, Integer> allCounts,
                    List<WorkList.Row> bulk, List<Option> verdicts, List<Option> statuses, List<Option> sectors, List<Option> provinces,
                    List<Option> levels, Account account, int page) {
        /** Rows per page of the work list: a batch of thousands still makes a page a browser shows at once. */
        static final int PAGE = 250;

        int pages() {
            return Math.max(1, (shown.size() + PAGE - 1) / PAGE);
        }

        List<WorkList.Row> pageRows() {
            int p = Math.min(Math.max(page, 1), pages());
            return shown.subList((p - 1) * PAGE, Math.min(shown.size(), p * PAGE));
        }

        String pageQuery(int p) {
            String q = filter.query();
            return (q.isEmpty() ? "" : q + "&") + "pagina=" + p;
        }

        String bulkLabel() {
            return bulk.size() == 1 ? "Bevestig het 1 ontwerpadvies dat in deze lijst op een beslissing wacht…"
                    : "Bevestig de " + bulk.size() + " ontwerpadviezen die in deze lijst op een beslissing wachten…";
        }

        boolean filtered() {
            return shown.size() != all.size();
        }

        /** The reason codes of a draft as the reviewer reads them: the labels of precedence.yaml. */
        String reasons(WorkList.Row r) {
            Precedence p = state.run().rules().precedence();
            return String.join("; ", r.draft().reasons().stream().map(p::label).toList());
        }
    }

    /** What the secretariat typed into the form for a new account, given back when it was refused. */
    record NewUser(String name, String role, Set<String> sectors) {
    }

    record UsersPage(String user, String csrf, String flash, String problem, List<AccountState> accounts, List<Option> roles,
                     List<Option> sectors, NewUser typed, List<SessionRecord> sessions) {
        boolean hasSector(AccountState a, String code) {
            return a.account().sectors().contains(code);
        }

        boolean hasRole(AccountState a, String role) {
            return a.account().role().label().equals(role);
        }

        static String shortId(String id) {
            return id.substring(0, 12);
        }

        boolean roleChosen(String role) {
            return typed != null && typed.role().equals(role);
        }

        boolean sectorChosen(String code) {
            return typed != null && typed.sectors().contains(code);
        }

        String typedName() {
            return typed == null ? "" : typed.name();
        }

        static String sectorsOf(Account a) {
            return String.join(", ", new TreeSet<>(a.sectors()));
        }
    }

    static String users(String user, String csrf, String flash, String problem, List<AccountState> accounts,
                        DraftRun run, NewUser typed, List<SessionRecord> sessions) {
        List<Option> sectors = run.batch().getPartnerships().stream().map(p -> new Option(p.getCode(), p.getName())).toList();
        List<Option> roles = Arrays.stream(Role.values()).map(r -> new Option(r.label(), r.label())).toList();
        return Templates.render("server/users.jte", new UsersPage(user, csrf, flash, problem, accounts, roles, sectors, typed, sessions));
    }

    record PasswordPage(String user, String csrf, String problem, boolean mustChange) {
    }

    static String password(String user, String csrf, String problem, boolean mustChange) {
        return Templates.render("server/password.jte", new PasswordPage(user, csrf, problem, mustChange));
    }

    /** The step before a bulk confirmation. */
    record BulkPage(String user, String csrf, Drafts.LoadState state, WorkList.Filter filter, List<WorkList.Row> candidates) {
        String count() {
            return candidates.size() == 1 ? "U bevestigt 1 ontwerpadvies (open of tweede blik), met het advies dat erbij staat:"
                    : "U bevestigt " + candidates.size() + " ontwerpadviezen (open of tweede blik), elk met het advies dat erbij staat:";
        }

        String button() {
            return candidates.size() == 1 ? "Ja, bevestig dit ontwerpadvies" : "Ja, bevestig deze " + candidates.size() + " ontwerpadviezen";
        }
    }

    record Fact(String label, String value) {
    }

    /** A line of an application's history: a decision or a comment. */
    record HistoryLine(Instant at, Decision decision, Comment comment) {
    }

    record DetailPage(String user, String csrf, String flash, String problem, Drafts.LoadState state, Explanation explanation,
                      Decision latest, Status status, int version, Decision other, List<Fact> facts, List<HistoryLine> history,
                      Typed typed, String typedComment, boolean mayDecide, String nextOpen, String listQuery) {
        boolean chosen(Verdict v) {
            return typed != null && v.name().equals(typed.advice());
        }

        String typedReason() {
            return typed == null ? "" : typed.reason();
        }
    }

    /** Reason codes in brackets, or nothing at all when there are none. */
    static String bracketed(List<String> reasons) {
        return reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")";
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String login(String csrf, String message, String name, String back) {
        return login(csrf, message, name, back, null);
    }

    static String login(String csrf, String message, String name, String back, Kept kept) {
        return Templates.render("server/login.jte", new Login(csrf, message, name == null ? "" : name, back == null ? "/" : back, kept));
    }

    /** A value for a URL's query string. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String message(String user, String csrf, String title, String text) {
        return Templates.render("server/message.jte", new Message(user, csrf, title, text));
    }

    static String list(String user, String csrf, String flash, String problem, Drafts.LoadState state, WorkList.Filter f,
                       List<WorkList.Row> all, List<WorkList.Row> shown, Account account, int page) {
        List<Option> sectors = state.run().batch().getPartnerships().stream().map(p -> new Option(p.getCode(), p.getName())).toList();
        List<WorkList.Row> bulk = WorkList.bulkCandidates(shown).stream().filter(r -> account.decidesOn(r.sector().getCode())).toList();
        return Templates.render("server/list.jte", new ListPage(user, csrf, flash, problem, state, f, all, shown, WorkList.counts(shown),
                WorkList.counts(all), bulk, options(Verdict.values(), Verdict::label), options(Status.values(), Status::label),
                sectors, options(Province.values(), Province::label), options(Level.values(), Level::label), account, page));
    }

    /** One sector's row on the progress page. */
    record Progress(String code, String name, Map<Status, Integer> counts, int total) {
    }

    record ProgressPage(String user, String csrf, List<Progress> sectors, Progress all) {
    }

    static String progress(String user, String csrf, List<WorkList.Row> rows) {
        Map<String, List<WorkList.Row>> bySector = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (WorkList.Row r : rows) {
            bySector.computeIfAbsent(r.sector().getCode(), k -> new ArrayList<>()).add(r);
            names.put(r.sector().getCode(), r.sector().getName());
        }
        List<Progress> out = new ArrayList<>();
        bySector.forEach((code, rs) -> out.add(new Progress(code, names.get(code), WorkList.counts(rs), rs.size())));
        out.sort(Comparator.comparing(Progress::name));
        return Templates.render("server/progress.jte", new ProgressPage(user, csrf, out, new Progress("", "Alle sectoren", WorkList.counts(rows), rows.size())));
    }

    record AuditPage(String user, String csrf, List<AuditEntry> entries, List<Option> events, String event,
                     String actor, int page, int pages, int total) {
        String pageQuery(int p) {
            return "gebeurtenis=" + query(event) + "&wie=" + query(actor) + "&pagina=" + p;
        }
    }

    static String audit(String user, String csrf, List<AuditEntry> entries, String event, String actor,
                        int page, int pages, int total) {
        List<Option> events = Arrays.stream(AuditEntry.Event.values()).map(e -> new Option(e.name(), e.label())).toList();
        return Templates.render("server/audit.jte", new AuditPage(user, csrf, entries, events, event, actor, page, pages, total));
    }

    record BulksPage(String user, String csrf, String flash, String problem, List<BulkSummary> bulks) {
    }

    static String bulks(String user, String csrf, String flash, String problem, List<BulkSummary> bulks) {
        return Templates.render("server/bulks.jte", new BulksPage(user, csrf, flash, problem, bulks));
    }

    static String bulkConfirm(String user, String csrf, Drafts.LoadState state, WorkList.Filter f, List<WorkList.Row> candidates) {
        return Templates.render("server/bulk.jte", new BulkPage(user, csrf, state, f, candidates));
    }

    private static <E extends Enum<E>> List<Option> options(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Option(v.name(), label.apply(v))).toList();
    }

    static String urlPart(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String detail(String user, String csrf, String flash, String problem, Drafts.LoadState state, Explanation e,
                         List<Decision> history, List<Comment> comments, Decision other, Typed typed, String typedComment,
                         boolean mayDecide, String nextOpen, String listQuery) {
        Decision latest = history.isEmpty() ? null : history.get(history.size() - 1);
        Status status = Status.of(Optional.ofNullable(latest), e.advice());
        int version = latest == null ? 0 : latest.version();
        List<HistoryLine> lines = new ArrayList<>();
        for (Decision d : history) lines.add(new HistoryLine(d.decidedAt(), d, null));
        for (Comment c : comments) lines.add(new HistoryLine(c.at(), null, c));
        lines.sort(Comparator.comparing(HistoryLine::at));
        return Templates.render("server/detail.jte", new DetailPage(user, csrf, flash, problem, state, e, latest, status, version,
                other, facts(e), lines, typed, typedComment, mayDecide, nextOpen, listQuery));
    }

    private static List<Fact> facts(Explanation e) {
        Application a = e.application();
        return List.of(
                new Fact("School", a.getInstitutionName()),
                new Fact("Instellingsnummer", a.getInstitutionNumber()),
                new Fact("Vestigingsplaats", a.getCampusNumber() + ", " + a.getPlace()),
                new Fact("Provincie", a.getProvince().label()),
                new Fact("Net", a.getNetwork().label()),
                new Fact("Soort aanbieder", label(a.getProviderType())),
                new Fact("Onderwijs", label(a.getEducation())),
                new Fact("Traject", e.trajectory().getName() + " (" + e.trajectory().getCode() + ")"),
                new Fact("Niveau", e.trajectory().getLevel().label()),
                new Fact("Sector", e.partnership().getName()),
                new Fact("Eerste aanvraag", yes(a.isFirstApplication())),
                new Fact("Heraanvraag", yes(a.isReapplication())),
                new Fact("Verwachte instroom", text(a.getExpectedStudents())),
                new Fact("Partnerbedrijven", a.getPartnerCompanies() + " (waarvan uit een andere sector: " + a.getPartnerCompaniesOtherSector() + ")"),
                new Fact("Ervaring in de sector", yes(a.isSectorExperience())),
                new Fact("Infrastructuur", label(a.getInfrastructure())),
                new Fact("Leermiddelen", label(a.getLearningResources())),
                new Fact("Arbeidsmarktrelevantie aangetoond", yes(a.isLabourMarketShown())),
                new Fact("Samenwerking met bedrijven", label(a.getCompanyCooperation())),
                new Fact("Provinciaal overlegplatform", label(a.getPlatformConsultation())));
    }

    /** Dutch words for the input's coded values, as a reviewer reads them. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("VT", "voltijds secundair onderwijs"), Map.entry("CDO", "centrum voor deeltijds onderwijs"),
            Map.entry("SYNTRA", "Syntra"), Map.entry("SO", "secundair onderwijs"), Map.entry("BUSO", "buitengewoon secundair onderwijs"),
            Map.entry("VOLDOENDE", "voldoende"), Map.entry("ONVOLDOENDE", "onvoldoende"),
            Map.entry("SPECIFIEK", "specifiek voor dit traject"), Map.entry("ALGEMEEN", "algemeen, niet specifiek voor dit traject"),
            Map.entry("GEEN", "geen"), Map.entry("AFGESTEMD", "afgestemd"), Map.entry("PRO_FORMA", "pro forma"));

    static String label(Enum<?> value) {
        if (value == null) return "niet opgegeven";
        return LABELS.getOrDefault(value.name(), value.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String yes(boolean b) {
        return b ? "ja" : "nee";
    }
}
