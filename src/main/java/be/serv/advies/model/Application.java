package be.serv.advies.model;

import java.util.Objects;

/**
 * One programming application: one institution asks to offer one trajectory at one campus.
 * Immutable: rules read it and add findings, they never change it.
 */
public final class Application {
    private final String id;
    private final String institutionNumber;
    private final String institutionName;
    private final String campusNumber;
    private final String place;
    private final Place location;
    private final Province province;
    private final Network network;
    private final ProviderType providerType;
    private final Education education;
    private final String trajectory;
    private final boolean firstApplication;
    private final boolean reapplication;
    private final int expectedStudents;
    private final int partnerCompanies;
    private final int partnerCompaniesOtherSector;
    private final boolean sectorExperience;
    private final Sufficiency infrastructure;
    private final Sufficiency learningResources;
    private final boolean labourMarketShown;
    private final CompanyCooperation companyCooperation;
    private final PlatformConsultation platformConsultation;
    private final String applicationText;
    private final String trajectoryInProvince;

    private Application(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.institutionNumber = Objects.requireNonNull(b.institutionNumber, "institutionNumber");
        this.institutionName = Objects.requireNonNull(b.institutionName, "institutionName");
        this.campusNumber = Objects.requireNonNull(b.campusNumber, "campusNumber");
        this.place = Objects.requireNonNull(b.place, "place");
        // Whoever builds the fact resolves the place (the loader refuses unknown ones); a fact knows no gazetteer.
        this.location = b.location;
        this.province = Objects.requireNonNull(b.province, "province");
        this.network = Objects.requireNonNull(b.network, "network");
        this.providerType = Objects.requireNonNull(b.providerType, "providerType");
        this.education = Objects.requireNonNull(b.education, "education");
        this.trajectory = Objects.requireNonNull(b.trajectory, "trajectory");
        this.firstApplication = b.firstApplication;
        this.reapplication = b.reapplication;
        this.expectedStudents = b.expectedStudents;
        this.partnerCompanies = b.partnerCompanies;
        this.partnerCompaniesOtherSector = b.partnerCompaniesOtherSector;
        this.sectorExperience = b.sectorExperience;
        this.infrastructure = Objects.requireNonNull(b.infrastructure, "infrastructure");
        this.learningResources = Objects.requireNonNull(b.learningResources, "learningResources");
        this.labourMarketShown = b.labourMarketShown;
        this.companyCooperation = Objects.requireNonNull(b.companyCooperation, "companyCooperation");
        this.platformConsultation = Objects.requireNonNull(b.platformConsultation, "platformConsultation");
        this.applicationText = b.applicationText == null ? "" : b.applicationText;
        this.trajectoryInProvince = TrajectoryInProvince.key(trajectory, province);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getId() { return id; }
    public String getInstitutionNumber() { return institutionNumber; }
    public String getInstitutionName() { return institutionName; }
    public String getCampusNumber() { return campusNumber; }
    /** The place as the application writes it (a municipality, or part of one such as Heule). */
    public String getPlace() { return place; }
    /** The municipality the place is in, with its arrondissement and province; null only if unknown. */
    public Place getLocation() { return location; }
    public Province getProvince() { return province; }
    public Network getNetwork() { return network; }
    public ProviderType getProviderType() { return providerType; }
    public Education getEducation() { return education; }
    public String getTrajectory() { return trajectory; }
    public boolean isFirstApplication() { return firstApplication; }
    public boolean isReapplication() { return reapplication; }
    public int getExpectedStudents() { return expectedStudents; }
    public int getPartnerCompanies() { return partnerCompanies; }
    public int getPartnerCompaniesOtherSector() { return partnerCompaniesOtherSector; }
    public boolean isSectorExperience() { return sectorExperience; }
    public Sufficiency getInfrastructure() { return infrastructure; }
    public Sufficiency getLearningResources() { return learningResources; }
    public boolean isLabourMarketShown() { return labourMarketShown; }
    public CompanyCooperation getCompanyCooperation() { return companyCooperation; }
    public PlatformConsultation getPlatformConsultation() { return platformConsultation; }
    public String getApplicationText() { return applicationText; }
    public boolean isFullTime() { return providerType == ProviderType.VT; }
    /**
     * The key of this application's {@link TrajectoryInProvince}: rules find it with
     * {@code TrajectoryInProvince(key == $a.trajectoryInProvince)}. Kept in a field, since every rule reads it.
     */
    public String getTrajectoryInProvince() { return trajectoryInProvince; }

    @Override
    public String toString() {
        return "Aanvraag " + id + " (" + institutionName + ", " + place + ", " + province + ", " + trajectory
                + ", " + education + ")";
    }

    /** Collects the fields of an application; {@link #build()} checks the required ones. */
    public static final class Builder {
        private String id;
        private String institutionNumber;
        private String institutionName;
        private String campusNumber;
        private String place;
        private Place location;
        private Province province;
        private Network network;
        private ProviderType providerType;
        private Education education;
        private String trajectory;
        private boolean firstApplication;
        private boolean reapplication;
        private int expectedStudents;
        private int partnerCompanies;
        private int partnerCompaniesOtherSector;
        private boolean sectorExperience = true;
        private Sufficiency infrastructure = Sufficiency.VOLDOENDE;
        private Sufficiency learningResources = Sufficiency.VOLDOENDE;
        private boolean labourMarketShown = true;
        private CompanyCooperation companyCooperation = CompanyCooperation.SPECIFIEK;
        private PlatformConsultation platformConsultation = PlatformConsultation.AFGESTEMD;
        private String applicationText = "";

        public Builder id(String v) { this.id = v; return this; }
        public Builder institutionNumber(String v) { this.institutionNumber = v; return this; }
        public Builder institutionName(String v) { this.institutionName = v; return this; }
        public Builder campusNumber(String v) { this.campusNumber = v; return this; }
        public Builder place(String v) { this.place = v; return this; }
        public Builder location(Place v) { this.location = v; return this; }
        public Builder province(Province v) { this.province = v; return this; }
        public Builder network(Network v) { this.network = v; return this; }
        public Builder providerType(ProviderType v) { this.providerType = v; return this; }
        public Builder education(Education v) { this.education = v; return this; }
        public Builder trajectory(String v) { this.trajectory = v; return this; }
        public Builder firstApplication(boolean v) { this.firstApplication = v; return this; }
        public Builder reapplication(boolean v) { this.reapplication = v; return this; }
        public Builder expectedStudents(int v) { this.expectedStudents = v; return this; }
        public Builder partnerCompanies(int v) { this.partnerCompanies = v; return this; }
        public Builder partnerCompaniesOtherSector(int v) { this.partnerCompaniesOtherSector = v; return this; }
        public Builder sectorExperience(boolean v) { this.sectorExperience = v; return this; }
        public Builder infrastructure(Sufficiency v) { this.infrastructure = v; return this; }
        public Builder learningResources(Sufficiency v) { this.learningResources = v; return this; }
        public Builder labourMarketShown(boolean v) { this.labourMarketShown = v; return this; }
        public Builder companyCooperation(CompanyCooperation v) { this.companyCooperation = v; return this; }
        public Builder platformConsultation(PlatformConsultation v) { this.platformConsultation = v; return this; }
        public Builder applicationText(String v) { this.applicationText = v; return this; }

        public Application build() {
            return new Application(this);
        }
    }
}
