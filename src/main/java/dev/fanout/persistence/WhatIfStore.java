package dev.fanout.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the last what-if comparison of each plan, as the JSON the API answers. The comparison's type belongs to the
 * what-if layer above; this store only writes it and reads it back as the type it is asked for.
 */
@ApplicationScoped
public class WhatIfStore {

    private final ObjectMapper mapper;

    public WhatIfStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Replaces the plan's last comparison; does nothing if the plan was deleted meanwhile. */
    @Transactional
    public void save(String planId, Object comparison, Instant createdAt) {
        if (PlanEntity.findById(planId) == null) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(comparison);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a what-if comparison", e);
        }
        WhatIfEntity entity = WhatIfEntity.findById(planId);
        boolean fresh = entity == null;
        if (fresh) {
            entity = new WhatIfEntity();
            entity.planId = planId;
        }
        entity.result = json;
        entity.createdAt = createdAt;
        if (fresh) {
            entity.persist();
        }
    }

    @Transactional
    public <T> Optional<T> find(String planId, Class<T> type) {
        return WhatIfEntity.<WhatIfEntity>findByIdOptional(planId).map(entity -> {
            try {
                return mapper.readValue(entity.result, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable stored what-if comparison of plan " + planId, e);
            }
        });
    }
}
