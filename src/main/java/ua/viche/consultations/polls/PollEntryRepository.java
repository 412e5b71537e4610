package ua.viche.consultations.polls;

import org.springframework.data.jpa.repository.JpaRepository;

/** Polls as the site search reads them (tenant-filtered). */
interface PollEntryRepository extends JpaRepository<PollEntry, Long> {}
