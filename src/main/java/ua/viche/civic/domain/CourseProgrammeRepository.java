package ua.viche.civic.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseProgrammeRepository extends JpaRepository<CourseProgramme, Long> {}
