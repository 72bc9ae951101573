package dk.selvbetjening.authority;

/** What kind of body an authority is. Public ones log citizens in through NemLog-in; private ones cannot. */
public enum AuthorityType {
    STATE, REGION, MUNICIPALITY, PRIVATE;

    public boolean isPublic() {
        return this != PRIVATE;
    }
}
