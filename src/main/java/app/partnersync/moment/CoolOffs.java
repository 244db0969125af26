package app.partnersync.moment;

/**
 * The cool-off rule, written once: while a cool-off pause of a partnership lasts, its reminders wait (commitment and
 * check-in reminders alike), and go out once it has ended.
 */
public final class CoolOffs {

    private CoolOffs() {}

    /**
     * Native SQL condition: no cool-off of the partnership whose id is {@code partnershipId} (a column or parameter)
     * lasts beyond {@code at} (a parameter or expression).
     */
    public static String noneLasting(String partnershipId, String at) {
        return "not exists (select 1 from moment m where m.partnership_id = " + partnershipId + " and m.kind = '"
                + Moment.Kind.cool_off.name() + "' and m.ends_at > " + at + ")";
    }
}
