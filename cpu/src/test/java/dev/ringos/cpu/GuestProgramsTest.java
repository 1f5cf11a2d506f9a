package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuestProgramsTest {

    @Test
    void sieveCountsThePrimesBelowAMillionInRing3WithPaging() {
        BareMachine m = GuestPrograms.load(GuestPrograms.sieve(1_000_000), 1_000_000);
        Exit exit = m.run(Long.MAX_VALUE);
        assertThat(m.trap()).isNull();
        assertThat(exit).isEqualTo(Exit.STOPPED);
        assertThat(m.cpu().reg(Registers.EBX)).isEqualTo(78_498);
        assertThat(m.exitStatus()).isEqualTo(78_498 & 0xFF);
        assertThat(m.cpu().cpl()).isEqualTo(3);
    }

    @Test
    void theSameProgramGivesTheSameCountsOnEveryRun() {
        BareMachine first = GuestPrograms.load(GuestPrograms.sieve(10_000), 10_000);
        BareMachine second = GuestPrograms.load(GuestPrograms.sieve(10_000), 10_000);
        first.run(Long.MAX_VALUE);
        second.run(Long.MAX_VALUE);
        assertThat(second.cpu().instructions()).isEqualTo(first.cpu().instructions()).isPositive();
        assertThat(second.cpu().cycles()).isEqualTo(first.cpu().cycles());
        assertThat(second.cpu().tlbMisses()).isEqualTo(first.cpu().tlbMisses());
        assertThat(second.cpu().tlbHits()).isEqualTo(first.cpu().tlbHits());
    }

    @Test
    void aluLoopExitsWithZero() {
        BareMachine m = GuestPrograms.load(GuestPrograms.aluLoop(1000), 0);
        m.run(Long.MAX_VALUE);
        assertThat(m.trap()).isNull();
        assertThat(m.exitStatus()).isZero();
        assertThat(m.cpu().instructions()).isEqualTo(3 + 8 * 1000 + 3);
    }
}
