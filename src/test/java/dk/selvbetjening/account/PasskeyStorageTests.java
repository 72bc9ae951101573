package dk.selvbetjening.account;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link PasskeyStorageContract} on H2 in PostgreSQL mode, the embedded default. */
@SpringBootTest
class PasskeyStorageTests extends PasskeyStorageContract {
}
