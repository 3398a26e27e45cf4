package newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackCommandTest {

    @Test
    void withoutAnActionItPrintsUsageAndFails() {
        assertThat(StackCommand.run(new String[0])).isEqualTo(2);
    }

    @Test
    void anUnknownArgumentFails() {
        assertThat(StackCommand.run(new String[] {"up", "--fast"})).isEqualTo(2);
    }

    @Test
    void anUnknownStackNameFails() {
        assertThat(StackCommand.run(new String[] {"status", "--name", "staging"})).isEqualTo(1);
    }

    @Test
    void stoppingOneServerNeedsItsName() {
        assertThat(StackCommand.run(new String[] {"stop"})).isEqualTo(2);
    }

    @Test
    void helpSucceeds() {
        assertThat(StackCommand.run(new String[] {"--help"})).isZero();
    }
}
