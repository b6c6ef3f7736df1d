package com.costguard.infrastructure.persistence;

import com.costguard.model.job.Job;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public Optional<Job> byId(long id) {
    return Optional.ofNullable(em.find(Job.class, id));
  }

  @Override
  public Optional<Job> byIdForUpdate(long id) {
    return Optional.ofNullable(em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public boolean externalIdExists(String externalId) {
    return em.createQuery("select count(j) from Job j where j.externalId = :id", Long.class)
            .setParameter("id", externalId)
            .getSingleResult()
        > 0;
  }

  @Override
  public List<Job> inProgress() {
    return em.createQuery(
            "select j from Job j where j.status in :statuses order by j.id", Job.class)
        .setParameter("statuses", List.of(JobStatus.RUNNING, JobStatus.PAUSED))
        .getResultList();
  }

  @Override
  public void add(Job job) {
    em.persist(job);
  }

  @Override
  public List<ReportedJobEvent> events(long jobId) {
    return em.createQuery(
            "select e from ReportedJobEvent e where e.jobId = :job order by e.id",
            ReportedJobEvent.class)
        .setParameter("job", jobId)
        .getResultList();
  }

  @Override
  public void add(ReportedJobEvent event) {
    em.persist(event);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
