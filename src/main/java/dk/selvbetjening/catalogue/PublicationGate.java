package dk.selvbetjening.catalogue;

import java.util.List;

/**
 * A rule another module adds to publishing: {@link SelfServiceService#publish} asks every bean implementing this
 * and refuses with {@link PublicationRefusedException} when any answers with reasons. Each reason is a short Danish
 * sentence naming one thing missing; an empty list lets the service be published.
 */
public interface PublicationGate {

    List<String> refusals(SelfServiceDetails service);
}
